/**
 * Parts of the plain-SVG charts: a box that measures its width, linear scales, grid, axes, paths
 * and the hover box and dots. The forecast's charts are drawn with these rather than recharts,
 * whose mount (a store, selectors, tick labels measured in the DOM) held the main thread for
 * 35–80 ms per chart on a busy 2-core machine; a chart drawn with these takes a few milliseconds.
 */
import { createContext, useContext, useLayoutEffect, useRef, useState, type PointerEvent, type ReactNode } from 'react';
import { ACTIVE_DOT_RADIUS, AXIS_COLOUR, GRID_COLOUR, GRID_DASH, TICK_LENGTH, TOOLTIP_OFFSET, X_AXIS_HEIGHT } from './charts.constants';

export interface Margin {
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
}

/** The plot area inside the SVG, px. */
export interface PlotBox {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

/** The plot area of a `width` x `height` chart with an x-axis `xHeight` px tall under it and a y-axis `yWidth` px wide on its left. */
export function plotBox(width: number, height: number, margin: Margin, yWidth: number, xHeight = X_AXIS_HEIGHT): PlotBox {
  return { left: margin.left + yWidth, right: width - margin.right, top: margin.top, bottom: height - margin.bottom - xHeight };
}

/** The linear map of [d0, d1] onto [r0, r1]. */
export function linear(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  return (v) => r0 + (v - d0) * k;
}

const px = (v: number) => Math.round(v * 1000) / 1000;

/** An SVG path through the points. */
export function linePath(points: readonly (readonly [number, number])[]): string {
  return points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${px(x)},${px(y)}`).join('');
}

/** An SVG path around a band: along its upper edge, then back along its lower one. */
export function bandPath(points: readonly (readonly [number, number, number])[]): string {
  if (points.length === 0) return '';
  const upper = points.map(([x, , hi]) => [x, hi] as const);
  const lower = points.map(([x, lo]) => [x, lo] as const).reverse();
  return `${linePath([...upper, ...lower])}Z`;
}

/** Where the pointer is inside the element it moves over, px. */
export function pointerAt(event: PointerEvent<Element>): { x: number; y: number } {
  const box = event.currentTarget.getBoundingClientRect();
  return { x: event.clientX - box.left, y: event.clientY - box.top };
}

/**
 * False while a chart's frame (title, summary, legend) is on the page but its drawing and data
 * table wait for a later task: a page that shows several charts draws one per task, and the
 * frames, laid out at once, keep the page from moving as the drawings come in.
 */
export const ChartDrawnContext = createContext(true);

/**
 * A box `height` px tall that draws `children(width)` at its own width, measured before the first
 * paint and again when it is resized; empty (but as tall) until its chart is to be drawn.
 */
export function MeasuredPlot({ height, children }: { height: number; children: (width: number) => ReactNode }) {
  const drawn = useContext(ChartDrawnContext);
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(Math.round(el.getBoundingClientRect().width));
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      const w = entries[0]?.contentRect.width;
      if (w !== undefined) setWidth(Math.round(w));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return (
    <div className="plot" ref={ref} style={{ height }}>
      {drawn && width > 0 && children(width)}
    </div>
  );
}

export interface Tick {
  /** Where, px along the axis. */
  readonly at: number;
  readonly label: string;
}

/** Dashed grid lines at the given x and y positions, px. */
export function Grid({ box, xs, ys }: { box: PlotBox; xs: readonly number[]; ys: readonly number[] }) {
  return (
    <g className="plot-grid" stroke={GRID_COLOUR} strokeDasharray={GRID_DASH} fill="none">
      {ys.map((y) => (
        <line key={`y${y}`} x1={box.left} x2={box.right} y1={y} y2={y} />
      ))}
      {xs.map((x) => (
        <line key={`x${x}`} x1={x} x2={x} y1={box.top} y2={box.bottom} />
      ))}
    </g>
  );
}

/** The x-axis under the plot and the y-axis on its left, with tick marks and labels (at `fontSize` px, or the page's size). */
export function Axes({ box, x, y, fontSize }: { box: PlotBox; x: readonly Tick[]; y: readonly Tick[]; fontSize?: number }) {
  return (
    <g className="plot-axes" stroke={AXIS_COLOUR} fill="none">
      <g className="plot-x-axis">
        <line x1={box.left} x2={box.right} y1={box.bottom} y2={box.bottom} />
        {x.map((t) => (
          <g key={t.at}>
            <line x1={t.at} x2={t.at} y1={box.bottom} y2={box.bottom + TICK_LENGTH} />
            <text className="plot-tick-label" x={t.at} y={box.bottom + TICK_LENGTH + 2} dy="0.71em" textAnchor="middle" stroke="none" fill={AXIS_COLOUR} fontSize={fontSize}>
              {t.label}
            </text>
          </g>
        ))}
      </g>
      <g className="plot-y-axis">
        <line x1={box.left} x2={box.left} y1={box.top} y2={box.bottom} />
        {y.map((t) => (
          <g key={t.at}>
            <line x1={box.left - TICK_LENGTH} x2={box.left} y1={t.at} y2={t.at} />
            {/* The top label is nudged down, as recharts does, so the SVG's edge does not clip it. */}
            <text className="plot-tick-label" x={box.left - TICK_LENGTH - 2} y={Math.max(t.at, box.top + 4)} dy="0.355em" textAnchor="end" stroke="none" fill={AXIS_COLOUR} fontSize={fontSize}>
              {t.label}
            </text>
          </g>
        ))}
      </g>
    </g>
  );
}

/** A dot on a series where the pointer is. */
export function ActiveDot({ x, y, colour }: { x: number; y: number; colour: string }) {
  return <circle className="plot-active-dot" cx={x} cy={y} r={ACTIVE_DOT_RADIUS} fill={colour} stroke="#fff" strokeWidth={2} />;
}

export interface TooltipItem {
  readonly name: string;
  readonly value: string;
  readonly colour: string;
}

/**
 * The hover box beside the cursor at `x` (px), its top at `top`: on the cursor's right, or on its
 * left where it would overflow a chart `width` px wide (as recharts places its tooltip).
 */
export function PlotTooltip({ x, top, width, label, items }: { x: number; top: number; width: number; label: string; items: readonly TooltipItem[] }) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const w = el.offsetWidth;
    const left = x + TOOLTIP_OFFSET + w > width ? Math.max(0, x - TOOLTIP_OFFSET - w) : x + TOOLTIP_OFFSET;
    el.style.transform = `translate(${left}px, ${top}px)`;
  });
  return (
    <div className="plot-tooltip" ref={ref}>
      <p>{label}</p>
      <ul>
        {items.map((i) => (
          <li key={i.name} style={{ color: i.colour }}>
            {i.name} : {i.value}
          </li>
        ))}
      </ul>
    </div>
  );
}
