/** A text field of a submitted form: "" when it is missing or is a file. */
export function formText(form: FormData, key: string): string {
  const v = form.get(key);
  return typeof v === "string" ? v : "";
}
