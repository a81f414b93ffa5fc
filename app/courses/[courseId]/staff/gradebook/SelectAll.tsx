"use client";
// "Select every student shown" for the bulk form: ticks the rows' checkboxes (form="bulk").

export function SelectAll({ label }: { label: string }) {
  return (
    <input
      type="checkbox"
      aria-label={label}
      onChange={(e) => {
        for (const box of document.querySelectorAll<HTMLInputElement>('input[form="bulk"][name="userId"]'))
          box.checked = e.currentTarget.checked;
      }}
    />
  );
}
