import type { Locator } from 'playwright-core';

/**
 * The WCAG contrast ratio of an element's text against the first opaque background behind it,
 * counting the text colour's alpha and the element's own opacity (an ancestor's opacity fades
 * text and background alike). For what axe leaves "to review": text on a moving or
 * semi-transparent layer, such as a toast, which it does not measure.
 */
export function textContrast(text: Locator): Promise<number> {
  return text.evaluate((element) => {
    const rgba = (css: string) => {
      const parts = /rgba?\(([^)]+)\)/
        .exec(css)?.[1]
        ?.split(/[\s,/]+/)
        .filter(Boolean)
        .map(Number);
      if (!parts || parts.length < 3) throw new Error(`Cannot read the colour ${css}`);
      return { r: parts[0]!, g: parts[1]!, b: parts[2]!, a: parts[3] ?? 1 };
    };
    let background = { r: 255, g: 255, b: 255, a: 1 };
    for (let node: Element | null = element; node; node = node.parentElement) {
      const colour = rgba(getComputedStyle(node).backgroundColor);
      if (colour.a === 1) {
        background = colour;
        break;
      }
    }
    const style = getComputedStyle(element);
    const foreground = rgba(style.color);
    const alpha = foreground.a * Number(style.opacity);
    const blend = (fg: number, bg: number) => fg * alpha + bg * (1 - alpha);
    const shown = {
      r: blend(foreground.r, background.r),
      g: blend(foreground.g, background.g),
      b: blend(foreground.b, background.b),
    };
    const luminance = ({ r, g, b }: { r: number; g: number; b: number }) => {
      const channel = (value: number) => {
        const c = value / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    };
    const [light, dark] = [luminance(shown), luminance(background)].sort((x, y) => y - x);
    return (light! + 0.05) / (dark! + 0.05);
  });
}
