import { z } from 'zod';

/// A list of `element`s that stops at its first bad item. zod's own
/// `z.array` checks every item and keeps every problem; a file of three
/// million `{}` (9 MB) then made tens of millions of issue objects and
/// crashed the page, though only the first problem is ever reported
/// (`firstIssue`). The first bad item's first problem is kept, at its path.
export function listOf<T extends z.ZodType>(element: T, least?: { min: number; message: string }) {
  return z.array(z.unknown()).transform((items, ctx): z.output<T>[] => {
    if (least && items.length < least.min) {
      ctx.issues.push({ code: 'custom', message: least.message, input: items });
      return z.NEVER;
    }
    const parsed: z.output<T>[] = new Array(items.length);
    for (let i = 0; i < items.length; i++) {
      const result = element.safeParse(items[i]);
      if (!result.success) {
        const issue = result.error.issues[0]!;
        ctx.issues.push({ ...issue, path: [i, ...issue.path], input: items[i] } as z.core.$ZodRawIssue);
        return z.NEVER;
      }
      parsed[i] = result.data;
    }
    return parsed;
  });
}
