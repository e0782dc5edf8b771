import { type Color, rgb } from 'pdf-lib';

/** The documents' paper sizes, type scale and colours (points; A5 is set a little smaller). */
export type Paper = 'A4' | 'A5';
export const PAPERS: Record<Paper, { width: number; height: number; margin: number; scale: number }> = {
  A4: { width: 595.28, height: 841.89, margin: 42, scale: 1 },
  A5: { width: 419.53, height: 595.28, margin: 28, scale: 0.84 },
};

export type Size = 'display' | 'title' | 'heading' | 'body' | 'small' | 'tiny';
export const POINTS: Record<Size, number> = {
  display: 20,
  title: 15,
  heading: 10.5,
  body: 9.5,
  small: 8.5,
  tiny: 7,
};

export type Tone = 'ink' | 'muted' | 'accent' | 'alert' | 'rule' | 'shade' | 'paper';
export const TONES: Record<Tone, Color> = {
  ink: rgb(0.11, 0.13, 0.16),
  muted: rgb(0.4, 0.44, 0.5),
  accent: rgb(0.05, 0.38, 0.46),
  alert: rgb(0.7, 0.16, 0.12),
  rule: rgb(0.8, 0.83, 0.87),
  shade: rgb(0.93, 0.96, 0.97),
  paper: rgb(1, 1, 1),
};

export type Align = 'left' | 'right' | 'center';
export interface TextStyle {
  size?: Size;
  bold?: boolean;
  tone?: Tone;
}
