import { describe, expect, it } from 'vitest';
import { freeAreas, GAP, intersects, placePanels, union, type Obstacle, type Rect } from '../../lib/placement';

const rect = (left: number, top: number, right: number, bottom: number): Rect => ({ left, top, right, bottom });
const controls = (box: Rect): Obstacle => ({ box, controls: true });
const content = (box: Rect): Obstacle => ({ box, controls: false });
const panelBox = (p: { left: number; top: number; width: number; maxHeight: number }): Rect => rect(p.left, p.top, p.left + p.width, p.top + p.maxHeight);

/** BigBlueButton at 1280x800: user list on the left, nav bar on top, actions bar at the bottom. */
const BBB_1280 = [content(rect(0, 0, 280, 800)), controls(rect(280, 0, 1280, 58)), controls(rect(280, 724, 1280, 800))];

describe('free areas', () => {
  it('an empty window is one area, less the gap at its edges', () => {
    expect(freeAreas({ width: 800, height: 600 }, [])).toEqual([rect(GAP, GAP, 800 - GAP, 600 - GAP)]);
  });

  it('are maximal and keep the gap to every obstacle', () => {
    const obstacles = [rect(300, 0, 500, 600)];
    const areas = freeAreas({ width: 800, height: 600 }, obstacles);
    expect(areas).toEqual(expect.arrayContaining([rect(16, 16, 284, 584), rect(516, 16, 784, 584)]));
    expect(areas).toHaveLength(2);
  });

  it('find the band above a centred bar as well as the columns beside it', () => {
    const toolbox = rect(400, 700, 880, 780);
    const areas = freeAreas({ width: 1280, height: 800 }, [toolbox]);
    expect(areas).toEqual(expect.arrayContaining([rect(16, 16, 1264, 684), rect(16, 16, 384, 784), rect(896, 16, 1264, 784)]));
    for (const area of areas) expect(intersects(area, toolbox)).toBe(false);
  });
});

describe('placing the panels', () => {
  it('BigBlueButton: into the media area, beside the user list, below the nav bar, above the actions bar', () => {
    const placed = placePanels({ width: 1280, height: 800 }, BBB_1280);
    expect(placed).toEqual({ left: 296, top: 74, width: 352, maxHeight: 634, overPage: false });
    for (const { box } of BBB_1280) expect(intersects(panelBox(placed), box)).toBe(false);
  });

  it('shrinks to a narrow free area', () => {
    const placed = placePanels({ width: 480, height: 800 }, [controls(rect(0, 0, 480, 58)), controls(rect(0, 724, 480, 800))]);
    expect(placed).toMatchObject({ left: 16, top: 74, width: 352, overPage: false });
    const narrow = placePanels({ width: 300, height: 600 }, []);
    expect(narrow.width).toBe(268);
  });

  it('prefers the area that holds most of the panel, then the top, then the left', () => {
    // A form in the middle-left leaves a tall free column on the right and short bands above and below.
    const form = controls(rect(48, 250, 348, 560));
    const placed = placePanels({ width: 1280, height: 800 }, [form]);
    expect(placed).toMatchObject({ left: 364, top: 16, width: 352, maxHeight: 768 });
  });

  it('where content regions leave no room, lies over them but still beside the controls', () => {
    const tiles = content(rect(0, 0, 1280, 800));
    const toolbox = controls(rect(400, 700, 880, 780));
    const placed = placePanels({ width: 1280, height: 800 }, [tiles, toolbox]);
    expect(placed.overPage).toBe(false);
    expect(intersects(panelBox(placed), toolbox.box)).toBe(false);
  });

  it('where nothing is left, goes to the corner over the page and says so', () => {
    expect(placePanels({ width: 400, height: 300 }, [controls(rect(0, 0, 400, 300))])).toEqual({ left: 16, top: 16, width: 352, maxHeight: 268, overPage: true });
  });

  it('never covers a region, for many layouts', () => {
    const viewports = [
      { width: 1280, height: 800 },
      { width: 1024, height: 768 },
      { width: 800, height: 600 },
      { width: 480, height: 800 },
    ];
    for (const viewport of viewports) {
      for (let seed = 0; seed < 50; seed++) {
        const random = mulberry(seed * 7919 + viewport.width);
        const obstacles = Array.from({ length: 1 + Math.floor(random() * 4) }, () => {
          const left = random() * viewport.width;
          const top = random() * viewport.height;
          return controls(rect(left, top, left + random() * viewport.width * 0.4, top + random() * viewport.height * 0.4));
        });
        const placed = placePanels(viewport, obstacles);
        if (placed.overPage) continue;
        const box = panelBox(placed);
        for (const o of obstacles) expect(intersects(box, o.box), JSON.stringify({ viewport, placed, o })).toBe(false);
        expect(box.left).toBeGreaterThanOrEqual(GAP);
        expect(box.right).toBeLessThanOrEqual(viewport.width - GAP);
        expect(box.bottom).toBeLessThanOrEqual(viewport.height - GAP);
      }
    }
  });

  it('union spans every box', () => {
    expect(union([rect(10, 20, 30, 40), rect(0, 30, 20, 90)])).toEqual(rect(0, 20, 30, 90));
    expect(union([])).toBeNull();
  });
});

/** A small seeded generator, so the layouts are the same on every run. */
function mulberry(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
