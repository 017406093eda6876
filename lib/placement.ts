/**
 * Where the in-page panels go: into the largest free area of the window that none of the
 * conference's own key regions (controls, participant list, chat, join form) reaches. Pure
 * geometry in viewport pixels; the overlay measures the regions and the window.
 */

/** A rectangle in viewport pixels (the shape of a DOMRect's edges). */
export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Size {
  width: number;
  height: number;
}

/** Where the panel stack sits and how large it may grow. */
export interface Placement {
  left: number;
  top: number;
  width: number;
  maxHeight: number;
  /** No free area was left: the stack lies over the page (only where every spot is taken). */
  overPage: boolean;
}

/** The panels' preferred size; they shrink to the free area they get. */
const PANEL_SIZE: Size = { width: 352, height: 560 };

/** Space kept between the panels and a region or the window's edge. */
export const GAP = 16;

/**
 * A free area narrower or lower than this is not worth a panel. Low areas still take one: on a
 * small window beside a tall join form, a notice that scrolls in a band beats one over the form.
 */
const MIN_SIZE: Size = { width: 160, height: 64 };

const width = (r: Rect) => r.right - r.left;
const height = (r: Rect) => r.bottom - r.top;

export function intersects(a: Rect, b: Rect): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

function contains(outer: Rect, inner: Rect): boolean {
  return outer.left <= inner.left && outer.top <= inner.top && outer.right >= inner.right && outer.bottom >= inner.bottom;
}

/** The smallest rectangle around all given ones (null for none). */
export function union(rects: readonly Rect[]): Rect | null {
  if (rects.length === 0) return null;
  return rects.reduce((a, b) => ({
    left: Math.min(a.left, b.left),
    top: Math.min(a.top, b.top),
    right: Math.max(a.right, b.right),
    bottom: Math.max(a.bottom, b.bottom),
  }));
}

const grow = (r: Rect, by: number): Rect => ({ left: r.left - by, top: r.top - by, right: r.right + by, bottom: r.bottom + by });

const clip = (r: Rect, to: Rect): Rect => ({
  left: Math.max(r.left, to.left),
  top: Math.max(r.top, to.top),
  right: Math.min(r.right, to.right),
  bottom: Math.min(r.bottom, to.bottom),
});

const isEmpty = (r: Rect) => width(r) <= 0 || height(r) <= 0;

/**
 * The maximal rectangles of the window (less the gap at its edges) that keep the gap to every
 * obstacle. For each pair of vertical edges the band between them is cut by the obstacles that
 * reach into it; what is left of the band are candidates, of which the maximal ones are kept.
 */
export function freeAreas(viewport: Size, obstacles: readonly Rect[], gap = GAP): Rect[] {
  const inner: Rect = { left: gap, top: gap, right: viewport.width - gap, bottom: viewport.height - gap };
  if (isEmpty(inner)) return [];
  const blocked = obstacles.map((o) => clip(grow(o, gap), inner)).filter((o) => !isEmpty(o));
  const xs = [...new Set([inner.left, inner.right, ...blocked.flatMap((o) => [o.left, o.right])])].sort((a, b) => a - b);

  const candidates: Rect[] = [];
  for (let i = 0; i < xs.length; i++) {
    for (let j = i + 1; j < xs.length; j++) {
      const left = xs[i]!;
      const right = xs[j]!;
      const across = blocked.filter((o) => o.left < right && o.right > left).sort((a, b) => a.top - b.top);
      let top = inner.top;
      for (const o of across) {
        if (o.top > top) candidates.push({ left, top, right, bottom: o.top });
        top = Math.max(top, o.bottom);
      }
      if (inner.bottom > top) candidates.push({ left, top, right, bottom: inner.bottom });
    }
  }
  // Largest first: a candidate inside one already kept is not maximal (duplicates included).
  candidates.sort((a, b) => width(b) * height(b) - width(a) * height(a));
  const maximal: Rect[] = [];
  for (const c of candidates) if (!maximal.some((m) => contains(m, c))) maximal.push(c);
  return maximal;
}

/** How much of the preferred panel size an area offers. */
const usable = (r: Rect, want: Size) => Math.min(width(r), want.width) * Math.min(height(r), want.height);

/** The free area that holds most of the preferred size; among equals the one nearest the top, then the left. */
function bestArea(viewport: Size, obstacles: readonly Rect[], want: Size): Rect | undefined {
  const areas = freeAreas(viewport, obstacles).filter((a) => width(a) >= MIN_SIZE.width && height(a) >= MIN_SIZE.height);
  areas.sort((a, b) => usable(b, want) - usable(a, want) || a.top - b.top || a.left - b.left);
  return areas[0];
}

/** A region of the page to keep clear; `controls` are kept clear even when nothing else can be. */
export interface Obstacle {
  box: Rect;
  controls: boolean;
}

/**
 * Where the panel stack goes: the free area beside every region that holds most of the panels'
 * preferred size (top left first, where people look first on a left-to-right page). Where no such
 * area is left, the panels lie over what people look at but still beside the controls; only where
 * even that fails do they go to the top left corner over the page.
 */
export function placePanels(viewport: Size, regions: readonly Obstacle[], want: Size = PANEL_SIZE): Placement {
  const best =
    bestArea(viewport, regions.map((r) => r.box), want) ??
    bestArea(viewport, regions.filter((r) => r.controls).map((r) => r.box), want);
  if (!best) {
    const w = Math.max(0, Math.min(want.width, viewport.width - 2 * GAP));
    return { left: GAP, top: GAP, width: w, maxHeight: Math.max(0, viewport.height - 2 * GAP), overPage: true };
  }
  return { left: best.left, top: best.top, width: Math.min(width(best), want.width), maxHeight: height(best), overPage: false };
}
