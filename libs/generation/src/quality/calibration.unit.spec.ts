import { calibrationFigures, rocAuc } from './calibration';

const item = (score: number, good: boolean, failure: string | null = good ? null : 'trivial') => ({ score, good, failure });

describe('rocAuc', () => {
  it('counts each good-over-bad pair as a win and a tie as half', () => {
    // Pairs: (0.9 > 0.4) win, (0.9 > 0.6) win, (0.6 = 0.6) half, (0.6 > 0.4) win: 3.5 / 4.
    expect(rocAuc([item(0.9, true), item(0.6, true), item(0.6, false), item(0.4, false)])).toBe(0.875);
  });

  it('is NaN without both kinds', () => {
    expect(rocAuc([item(0.9, true)])).toBeNaN();
    expect(rocAuc([item(0.1, false)])).toBeNaN();
    expect(rocAuc([])).toBeNaN();
  });
});

describe('calibrationFigures', () => {
  it('keeps good entries at or above the threshold and counts bad ones under it as rejected', () => {
    const figures = calibrationFigures(
      [
        item(0.7, true),
        item(0.69, true),
        item(0.9, true),
        item(0.7, false, 'trivial'),
        item(0.2, false, 'trivial'),
        item(0.1, false, 'truncated'),
      ],
      0.7,
    );
    expect(figures.keepRateGood).toBeCloseTo(2 / 3, 10);
    expect(figures.rejectRateBad).toBeCloseTo(2 / 3, 10);
    expect(figures.rejectRateByFailure).toEqual({ trivial: { rate: 0.5, n: 2 }, truncated: { rate: 1, n: 1 } });
    expect(Object.keys(figures.rejectRateByFailure)).toEqual(['trivial', 'truncated']);
  });

  it("files bad entries without a failure kind under 'unspecified', in sorted order", () => {
    const figures = calibrationFigures([item(0.9, true), item(0.1, false, 'zeta'), item(0.8, false, null), item(0.1, false, 'alpha')], 0.7);
    expect(Object.keys(figures.rejectRateByFailure)).toEqual(['alpha', 'unspecified', 'zeta']);
    expect(figures.rejectRateByFailure.unspecified).toEqual({ rate: 0, n: 1 });
  });

  it('gives NaN rates for a side with no entries', () => {
    const onlyGood = calibrationFigures([item(0.9, true)], 0.7);
    expect(onlyGood.keepRateGood).toBe(1);
    expect(onlyGood.rejectRateBad).toBeNaN();
    expect(onlyGood.rejectRateByFailure).toEqual({});
    expect(calibrationFigures([item(0.1, false)], 0.7).keepRateGood).toBeNaN();
  });
});
