// Puts the student's readings and the grade-norm line on one shared time axis, as uPlot wants:
// one x array (seconds) and one y array per series, null where a series has no value.

export type TrendData = [
  x: number[],
  wcpm: (number | null)[],
  norm: (number | null)[],
  accuracyPercent: (number | null)[],
];

export function alignTrend(
  points: { at: number; wcpm: number; accuracy: number }[],
  norm: { at: number; wcpm: number }[],
): TrendData {
  const times = [...new Set([...points.map((p) => p.at), ...norm.map((n) => n.at)])].sort(
    (a, b) => a - b,
  );
  const byTime = new Map(points.map((p) => [p.at, p]));
  const normByTime = new Map(norm.map((n) => [n.at, n.wcpm]));
  return [
    times.map((ms) => ms / 1000),
    times.map((ms) => byTime.get(ms)?.wcpm ?? null),
    times.map((ms) => normByTime.get(ms) ?? null),
    times.map((ms) => {
      const accuracy = byTime.get(ms)?.accuracy;
      return accuracy == null ? null : Math.round(accuracy * 1000) / 10;
    }),
  ];
}

/** x = 0, 1, 2… for a sparkline of the last readings (oldest first). */
export function sparklineData(trend: number[]): [number[], number[]] {
  return [trend.map((_, i) => i), trend];
}
