/**
 * Chooses the year a year-end figure covers, among the years the cache holds payments for. The
 * year on screen stays listed even when no payment falls in it.
 */
export function CheckYearPicker({
  years,
  year,
  onYear,
}: {
  years: readonly number[]
  year: number
  onYear: (year: number) => void
}) {
  const choices = years.includes(year) ? years : [year, ...years].sort((a, b) => b - a)
  return (
    <label className="field">
      <span>Year</span>
      <select value={year} onChange={(event) => onYear(Number(event.target.value))}>
        {choices.map((choice) => (
          <option key={choice} value={choice}>
            {choice}
          </option>
        ))}
      </select>
    </label>
  )
}
