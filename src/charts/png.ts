/**
 * Saves charts as a PNG: each chart's SVG is serialised, drawn on a canvas at 2x under its title
 * and over its legend (which the page draws as HTML beside the SVG, so the SVG alone lacks it),
 * and the canvas downloaded. Several charts go into one image, one under the other.
 */

/** One entry of a chart's legend: a band (a filled square), a line or a dashed line. */
export interface LegendItem {
  readonly label: string;
  readonly colour: string;
  readonly kind: 'band' | 'line' | 'dashed';
  /** The band's fill opacity, as drawn in the chart. */
  readonly opacity?: number;
}

/** One chart of an image: its SVG, and optionally its title and legend. */
export interface PngPart {
  readonly svg: SVGSVGElement;
  readonly title?: string;
  readonly legend?: readonly LegendItem[];
}

/** A chart's SVG, drawn by recharts or by the plain-SVG parts (plot.tsx). */
export const CHART_SVG = 'svg.recharts-surface, svg.chart-surface';

const SCALE = 2;
const PAD = 12;
const TITLE_HEIGHT = 26;
const LEGEND_HEIGHT = 24;
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

async function imageOf(svg: SVGSVGElement): Promise<{ image: HTMLImageElement; width: number; height: number; done: () => void }> {
  const { width, height } = svg.getBoundingClientRect();
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  const text = new XMLSerializer().serializeToString(clone);
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml;charset=utf-8' }));
  const image = new Image();
  try {
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('the chart could not be drawn as an image'));
      image.src = url;
    });
  } catch (e) {
    URL.revokeObjectURL(url);
    throw e;
  }
  return { image, width, height, done: () => URL.revokeObjectURL(url) };
}

function drawLegend(ctx: CanvasRenderingContext2D, legend: readonly LegendItem[], x0: number, y: number): void {
  let x = x0;
  ctx.font = `13px ${FONT}`;
  ctx.textBaseline = 'middle';
  for (const item of legend) {
    ctx.save();
    if (item.kind === 'band') {
      ctx.globalAlpha = item.opacity ?? 0.3;
      ctx.fillStyle = item.colour;
      ctx.fillRect(x, y - 6, 22, 12);
    } else {
      ctx.strokeStyle = item.colour;
      ctx.lineWidth = 2.5;
      if (item.kind === 'dashed') ctx.setLineDash([6, 3]);
      ctx.beginPath();
      ctx.moveTo(x, y);
      ctx.lineTo(x + 22, y);
      ctx.stroke();
    }
    ctx.restore();
    ctx.fillStyle = '#111827';
    ctx.fillText(item.label, x + 28, y);
    x += 28 + ctx.measureText(item.label).width + 18;
  }
}

/** Draws the parts one under the other on a white canvas and downloads it as `fileName`. */
export async function chartsToPng(parts: readonly PngPart[], fileName: string, background = '#ffffff'): Promise<void> {
  const images = await Promise.all(parts.map((p) => imageOf(p.svg)));
  try {
    const heightOf = (p: PngPart, i: number) => (p.title ? TITLE_HEIGHT : 0) + images[i]!.height + (p.legend?.length ? LEGEND_HEIGHT : 0) + PAD;
    const width = Math.max(...images.map((im) => im.width)) + 2 * PAD;
    const height = parts.reduce((h, p, i) => h + heightOf(p, i), PAD);
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(width * SCALE);
    canvas.height = Math.ceil(height * SCALE);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('this browser cannot draw on a canvas');
    ctx.fillStyle = background;
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.scale(SCALE, SCALE);
    let y = PAD;
    parts.forEach((p, i) => {
      const im = images[i]!;
      if (p.title) {
        ctx.fillStyle = '#111827';
        ctx.font = `600 16px ${FONT}`;
        ctx.textBaseline = 'top';
        ctx.fillText(p.title, PAD, y + 2);
        y += TITLE_HEIGHT;
      }
      ctx.drawImage(im.image, PAD, y, im.width, im.height);
      y += im.height;
      if (p.legend?.length) {
        drawLegend(ctx, p.legend, PAD + 8, y + LEGEND_HEIGHT / 2);
        y += LEGEND_HEIGHT;
      }
      y += PAD;
    });
    const a = document.createElement('a');
    a.href = canvas.toDataURL('image/png');
    a.download = fileName;
    a.click();
  } finally {
    images.forEach((im) => im.done());
  }
}

/** Saves one chart (with its legend, if any) as a PNG. */
export function svgToPng(svg: SVGSVGElement, fileName: string, legend?: readonly LegendItem[]): Promise<void> {
  return chartsToPng([{ svg, ...(legend ? { legend } : {}) }], fileName);
}

/** The charts (ChartFrame figures) inside `root`, in page order, with their titles and legends, for `chartsToPng`. */
export function chartParts(root: ParentNode): PngPart[] {
  return [...root.querySelectorAll<HTMLElement>('figure.chart')].flatMap((figure) => {
    const svg = figure.querySelector(`.chart-canvas :is(${CHART_SVG})`);
    if (!(svg instanceof SVGSVGElement)) return [];
    const legend = [...figure.querySelectorAll<HTMLElement>('.chart-legend li[data-kind]')].map((li) => ({
      label: li.textContent?.trim() ?? '',
      colour: li.dataset['colour'] ?? '#111827',
      kind: (li.dataset['kind'] ?? 'line') as LegendItem['kind'],
      opacity: Number(li.dataset['opacity'] ?? 1),
    }));
    return [{ svg, title: figure.querySelector('h3')?.textContent ?? '', legend }];
  });
}
