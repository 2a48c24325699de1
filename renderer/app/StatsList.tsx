/** Label–value pairs as a description list (the `stats` style): device counters, live readings, a plan's figures. */
export type StatRow = readonly [label: string, value: string];

export function StatsList({ rows }: { readonly rows: readonly StatRow[] }) {
  return (
    <dl className="stats">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
