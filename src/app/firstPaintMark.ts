/** Set on the prerendered wrapper (`#root > .prerendered`) once it holds a picture of the board painted from storage (firstPaint.ts); boot.tsx looks for it. */
export const FIRST_PAINT_ATTRIBUTE = 'data-first-paint';
