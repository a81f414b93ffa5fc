/** A filter by roster section (Enrollment.section): "all sections" or one of the course's sections in use. */

export function SectionSelect(p: { label: string; allLabel: string; sections: string[]; value: string | null }) {
  return (
    <label>
      {p.label}
      <select name="section" defaultValue={p.value ?? ""} data-testid="section-filter">
        <option value="">{p.allLabel}</option>
        {p.sections.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </select>
    </label>
  );
}
