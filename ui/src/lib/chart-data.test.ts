import { describe, expect, it } from "vitest";
import { alignTrend, sparklineData } from "./chart-data";

describe("alignTrend", () => {
  it("puts readings and norm on one time axis", () => {
    const [x, wcpm, norm, accuracy] = alignTrend(
      [
        { at: 2000, wcpm: 50, accuracy: 0.9 },
        { at: 1000, wcpm: 40, accuracy: 0.855 },
      ],
      [
        { at: 1000, wcpm: 60 },
        { at: 3000, wcpm: 70 },
      ],
    );
    expect(x).toEqual([1, 2, 3]);
    expect(wcpm).toEqual([40, 50, null]);
    expect(norm).toEqual([60, null, 70]);
    expect(accuracy).toEqual([85.5, 90, null]);
  });
  it("indexes sparkline points", () => {
    expect(sparklineData([30, 35])).toEqual([[0, 1], [30, 35]]);
  });
});
