import { ChartFrame } from './chart-frame';
import { useChartText, useNarrowScreen } from './chart-text';
import { NEGATIVE, POSITIVE, WHY_BAR_HEIGHT } from './charts.constants';
import { spanTicks } from './nice-ticks';
import type { WhyBar } from './series';

export interface WhyChartProps {
  readonly id: string;
  readonly title: string;
  readonly bars: readonly WhyBar[];
  /** The net change, in the chart's units. */
  readonly total: number;
  readonly format: (x: number) => string;
  /** Numbers without their unit, for the axis's ticks and the amount at the end of each bar; the axis's title says what is measured, in what unit. */
  readonly axisFormat: (x: number) => string;
  readonly axisTitle: string;
  /** Colour increases as bad news (escalation) or good news (survival). */
  readonly upIsBad: boolean;
  /** How the net change reads in words: "Escalation rose by 0.78", "The weekly risk fell by 0.7 points". */
  readonly netLabel: (total: number) => string;
}

interface WhyBarsProps {
  readonly bars: readonly WhyBar[];
  readonly format: (x: number) => string;
  readonly axisFormat: (x: number) => string;
  readonly axisTitle: string;
  readonly colour: (x: number) => string;
  readonly causeWidth: number;
  readonly rowHeight: number;
  readonly tickSize: number;
  readonly ticks: number;
}

/**
 * The bars as HTML: a row per cause, its label wrapping in its own column, its bar from the zero
 * line with the amount at its end, and an axis of round ticks under them. Plain boxes, so the week's
 * redraw after End turn measures no text (recharts measured every wrapped label).
 */
function WhyBars({ bars, format, axisFormat, axisTitle, colour, causeWidth, rowHeight, tickSize, ticks }: WhyBarsProps) {
  const amounts = bars.map((b) => b.amount);
  const axis = spanTicks(Math.min(...amounts), Math.max(...amounts), ticks);
  const lo = axis[0]!;
  const hi = axis[axis.length - 1]!;
  const at = (x: number) => `${(100 * (x - lo)) / (hi - lo || 1)}%`;
  const zero = at(0);
  return (
    <div className="why-bars" style={{ gridTemplateColumns: `${causeWidth}px 1fr`, fontSize: tickSize }}>
      {bars.map((b, i) => (
        <div className="why-row" key={i} title={`${b.label}: ${format(b.amount)}`}>
          <span className="why-cause">{b.label}</span>
          <span className="why-track" style={{ minHeight: rowHeight }}>
            <span className="why-zero" style={{ left: zero }} />
            <span
              className={b.amount >= 0 ? 'why-bar up' : 'why-bar down'}
              style={{ background: colour(b.amount), ...(b.amount >= 0 ? { left: zero, right: `calc(100% - ${at(b.amount)})` } : { left: at(b.amount), right: `calc(100% - ${zero})` }) }}
            >
              <span className="why-amount">{axisFormat(b.amount)}</span>
            </span>
          </span>
        </div>
      ))}
      <div className="why-row why-axis">
        <span />
        <span className="why-track">
          {axis.map((t) => (
            <span key={t} className="why-tick" style={{ left: at(t) }}>
              {axisFormat(t)}
            </span>
          ))}
        </span>
      </div>
      <div className="why-row">
        <span />
        <span className="why-axis-title">{axisTitle}</span>
      </div>
    </div>
  );
}

/** The contributions behind one week's change, largest first, as horizontal bars. */
export function WhyChart({ id, title, bars, total, format, axisFormat, axisTitle, upIsBad, netLabel }: WhyChartProps) {
  const text = useChartText();
  // On a phone the causes get less width, so their labels wrap onto more lines: give each bar the height for them.
  const narrow = useNarrowScreen();
  const causeWidth = narrow ? Math.round(text.causeWidth * 0.6) : text.causeWidth;
  const rowHeight = WHY_BAR_HEIGHT * (narrow ? 2.2 : 1) * text.heightScale;
  const shown = bars.filter((b) => Math.abs(b.amount) >= 1e-6);
  const summary =
    shown.length === 0
      ? 'Nothing changed this week.'
      : `${netLabel(total)}. ` +
        shown
          .slice(0, 3)
          .map((b) => `${b.label}: ${format(b.amount)}`)
          .join('; ') +
        (shown.length > 3 ? `; and ${shown.length - 3} smaller ${shown.length - 3 === 1 ? 'cause' : 'causes'}.` : '.');
  const colour = (x: number) => ((x > 0) === upIsBad ? POSITIVE : NEGATIVE);
  const table = { caption: `${title}: contributions`, columns: ['Cause', 'Change'], rows: shown.map((b) => [b.label, format(b.amount)]) };
  return (
    <ChartFrame id={id} title={title} summary={summary} table={table}>
      {shown.length > 0 && <WhyBars bars={shown} format={format} axisFormat={axisFormat} axisTitle={axisTitle} colour={colour} causeWidth={causeWidth} rowHeight={rowHeight} tickSize={text.tick} ticks={narrow ? 3 : 5} />}
    </ChartFrame>
  );
}
