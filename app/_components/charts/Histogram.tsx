"use client";
/**
 * Score histogram as SVG through recharts, at a fixed size (no ResponsiveContainer). Recharts 3
 * draws the SVG on the client after hydration (the server HTML has none), so the visually
 * hidden table carries the same numbers for screen readers, keyboard users and no-JS readers.
 */

import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";

export interface HistogramProps {
  bins: { from: number; to: number; count: number }[];
  label: string;
  xLabel: string;
  yLabel: string;
  width?: number;
  height?: number;
}

export function Histogram({ bins, label, xLabel, yLabel, width = 560, height = 220 }: HistogramProps) {
  const data = bins.map((b) => ({ range: `${Math.round(b.from)}–${Math.round(b.to)}`, count: b.count }));
  return (
    <figure style={{ margin: 0, maxWidth: "100%", overflowX: "auto" }}>
      <BarChart
        width={width}
        height={height}
        data={data}
        role="img"
        aria-label={label}
        margin={{ top: 8, right: 8, bottom: 24, left: 0 }}
      >
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis
          dataKey="range"
          tick={{ fontSize: 11 }}
          label={{ value: xLabel, position: "insideBottom", offset: -16, fontSize: 12 }}
        />
        <YAxis allowDecimals={false} tick={{ fontSize: 11 }} width={36} />
        <Tooltip formatter={(v) => [v, yLabel]} />
        <Bar dataKey="count" fill="#2f5bd3" isAnimationActive={false} />
      </BarChart>
      <table className="visually-hidden">
        <caption>{label}</caption>
        <thead>
          <tr>
            <th scope="col">{xLabel}</th>
            <th scope="col">{yLabel}</th>
          </tr>
        </thead>
        <tbody>
          {data.map((d) => (
            <tr key={d.range}>
              <td>{d.range}</td>
              <td>{d.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
