/** Small pieces for the printable reports: escaping, dates, tables and a polyline chart as inline SVG. */

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Every text that came from a person or a device goes through here. */
export const esc = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

export const day = (atMs: number | null): string => (atMs === null ? '—' : new Date(atMs).toISOString().slice(0, 10));
export const dayTime = (atMs: number | null): string => (atMs === null ? '—' : `${new Date(atMs).toISOString().slice(0, 16).replace('T', ' ')} UTC`);
export const fixed = (value: unknown, digits: number): string => (typeof value === 'number' && Number.isFinite(value) ? value.toFixed(digits) : '—');

export function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const th = head.map((h) => `<th>${esc(h)}</th>`).join('');
  const tr = rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('');
  return `<table><thead><tr>${th}</tr></thead><tbody>${tr}</tbody></table>`;
}

/** Lines of (x, y) points, scaled into a `widthPx` × `heightPx` box with axis labels; at most `maxPoints` per line. */
export function lineChart(
  lines: readonly { readonly label: string; readonly colour: string; readonly x: ArrayLike<number>; readonly y: ArrayLike<number> }[],
  axes: { readonly x: string; readonly y: string },
  widthPx = 640,
  heightPx = 200,
  maxPoints = 600,
): string {
  const all = lines.flatMap((l) => Array.from({ length: l.x.length }, (_, i) => [l.x[i] as number, l.y[i] as number] as const)).filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y));
  if (all.length === 0) return '<p>No data recorded.</p>';
  const [x0, x1] = [Math.min(...all.map(([x]) => x)), Math.max(...all.map(([x]) => x))];
  const [y0, y1] = [Math.min(0, ...all.map(([, y]) => y)), Math.max(...all.map(([, y]) => y))];
  const pad = 36;
  const sx = (x: number): number => pad + ((x - x0) / (x1 - x0 || 1)) * (widthPx - pad - 8);
  const sy = (y: number): number => heightPx - pad + 8 - ((y - y0) / (y1 - y0 || 1)) * (heightPx - pad);
  const polylines = lines.map((l) => {
    const step = Math.max(1, Math.ceil(l.x.length / maxPoints));
    const points: string[] = [];
    for (let i = 0; i < l.x.length; i += step) {
      const x = l.x[i] as number;
      const y = l.y[i] as number;
      if (Number.isFinite(x) && Number.isFinite(y)) points.push(`${sx(x).toFixed(1)},${sy(y).toFixed(1)}`);
    }
    return `<polyline fill="none" stroke="${l.colour}" stroke-width="1.2" points="${points.join(' ')}"/>`;
  });
  const legend = lines.map((l, i) => `<text x="${pad + 8 + i * 140}" y="12" fill="${l.colour}" font-size="11">${esc(l.label)}</text>`).join('');
  return `<svg width="${widthPx}" height="${heightPx}" viewBox="0 0 ${widthPx} ${heightPx}" xmlns="http://www.w3.org/2000/svg">
<rect x="${pad}" y="8" width="${widthPx - pad - 8}" height="${heightPx - pad}" fill="none" stroke="#aab"/>
${polylines.join('')}${legend}
<text x="${widthPx / 2}" y="${heightPx - 4}" font-size="11" text-anchor="middle">${esc(axes.x)} (${fixed(x0, 0)}–${fixed(x1, 0)})</text>
<text x="4" y="${heightPx / 2}" font-size="11" transform="rotate(-90 10 ${heightPx / 2})" text-anchor="middle">${esc(axes.y)} (${fixed(y0, 0)}–${fixed(y1, 0)})</text>
</svg>`;
}

/** The clinic's name above a report's title (settings); nothing when the clinic has not given one. */
export const clinicHeading = (clinicName: string): string => (clinicName === '' ? '' : `<p class="clinic">${esc(clinicName)}</p>`);

/** The page around a report: calm print styles, the clinic's own words in the footer. */
export function page(title: string, body: string, footer: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title><style>
body{font:11pt system-ui,sans-serif;color:#1d2733;margin:0}
h1{font-size:16pt;margin:0 0 4mm}.clinic{font-size:12pt;font-weight:600;margin:0 0 2mm}h2{font-size:12pt;margin:6mm 0 2mm}
table{border-collapse:collapse;width:100%;margin:2mm 0}th,td{border-bottom:1px solid #d5dbe2;text-align:left;padding:1.2mm 2mm;font-size:9.5pt}
.flag{border-left:3px solid #4b3b8f;background:#efe9f7;padding:2mm 3mm}.meta td{border:none;padding:0.5mm 2mm}
footer{margin-top:8mm;color:#4a5868;font-size:8.5pt}
</style></head><body>${body}<footer>${esc(footer)}</footer></body></html>`;
}
