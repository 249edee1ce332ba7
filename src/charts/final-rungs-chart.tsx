import { useState, type PointerEvent } from 'react';
import type { ForecastSummary } from '../engine/summary';
import { ChartFrame } from './chart-frame';
import { CHART_HEIGHT, CURSOR_COLOUR, FAN_COLOUR } from './charts.constants';
import { shareTicks } from './nice-ticks';
import { Axes, Grid, linear, MeasuredPlot, plotBox, PlotTooltip, pointerAt } from './plot';

const pct1 = (p: number) => `${(p * 100).toFixed(1)}%`;
const HEIGHT = CHART_HEIGHT - 60;
const MARGIN = { top: 8, right: 16, bottom: 8, left: 4 };
const Y_WIDTH = 44;
/** The gap on each side of a bar, as a share of its rung's slot (recharts' `barCategoryGap` of 10%). */
const BAR_GAP = 0.1;

type Rung = ForecastSummary['finalRungs'][number];

/** One bar per rung, its share of the futures up the y-axis, and a hover box for the rung under the pointer. */
function Bars({ width, rungs }: { width: number; rungs: readonly Rung[] }) {
  const [hover, setHover] = useState<number | null>(null);
  const box = plotBox(width, HEIGHT, MARGIN, Y_WIDTH);
  const slot = (box.right - box.left) / Math.max(1, rungs.length);
  const ticks = shareTicks(Math.max(...rungs.map((r) => r.share)));
  const sy = linear(0, ticks[ticks.length - 1]!, box.bottom, box.top);
  const yTicks = ticks.map((t) => ({ at: sy(t), label: `${Number((t * 100).toFixed(1))}%` }));
  const xTicks = rungs.map((r, i) => ({ at: box.left + (i + 0.5) * slot, label: String(r.level) }));
  const rung = hover === null ? undefined : rungs[hover];

  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    const at = pointerAt(event);
    const i = Math.floor((at.x - box.left) / slot);
    setHover(at.y >= box.top && at.y <= box.bottom && i >= 0 && i < rungs.length ? i : null);
  };

  return (
    <>
      <svg className="chart-surface" width={width} height={HEIGHT} viewBox={`0 0 ${width} ${HEIGHT}`} onPointerMove={onPointerMove} onPointerLeave={() => setHover(null)}>
        <Grid box={box} xs={[]} ys={yTicks.map((t) => t.at)} />
        {hover !== null && <rect className="plot-cursor" x={box.left + hover * slot} y={box.top} width={slot} height={box.bottom - box.top} fill={CURSOR_COLOUR} />}
        <g fill={FAN_COLOUR}>
          {rungs.map((r, i) =>
            r.share > 0 ? (
              <rect key={r.level} className="plot-bar" x={box.left + (i + BAR_GAP) * slot} y={sy(r.share)} width={(1 - 2 * BAR_GAP) * slot} height={box.bottom - sy(r.share)} />
            ) : null,
          )}
        </g>
        <Axes box={box} x={xTicks} y={yTicks} />
      </svg>
      {rung && hover !== null && (
        <PlotTooltip x={box.left + (hover + 0.5) * slot} top={box.top} width={width} label={`Rung ${rung.level}: ${rung.name}`} items={[{ name: 'share', value: pct1(rung.share), colour: FAN_COLOUR }]} />
      )}
    </>
  );
}

/** Where the futures end on the ladder. */
export function FinalRungsChart({ summary }: { summary: ForecastSummary }) {
  const top = [...summary.finalRungs].sort((a, b) => b.share - a.share).slice(0, 2);
  const text = `Most futures end on rung ${top[0]!.level} (${top[0]!.name}, ${pct1(top[0]!.share)})` + (top[1] && top[1].share > 0 ? `, then rung ${top[1].level} (${top[1].name}, ${pct1(top[1].share)}).` : '.');
  const table = { caption: 'Share of futures ending on each rung', columns: ['Rung', 'Name', 'Share'], rows: summary.finalRungs.map((r) => [r.level, r.name, pct1(r.share)]) };
  return (
    <ChartFrame id="final-rungs" title="Final rung of the ladder" summary={text} table={table} pngName={`final-rungs-week-${summary.startTurn}.png`}>
      <MeasuredPlot height={HEIGHT}>{(width) => <Bars width={width} rungs={summary.finalRungs} />}</MeasuredPlot>
    </ChartFrame>
  );
}
