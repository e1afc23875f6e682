/**
 * The hand-labelled set, content/labels/hand.json: tools that declare no annotations, labelled by
 * a person following docs/labelling.md, so the classifier is also measured on tools whose servers
 * said nothing (the annotation-based eval cannot see those). Pure: the caller reads the file.
 */
import { z } from 'zod';
import { CATEGORIES, SERVER_ID_PATTERN } from '../schema.ts';
import { parseJsonFile } from './parse.ts';

/** Where the hand-labelled set and its guide live, relative to the project root. */
export const HAND_LABELS_FILE = 'content/labels/hand.json';
export const LABELLING_GUIDE_FILE = 'docs/labelling.md';

/** How sure the labeller is: the tool's text settles it, or it took judgement (see the guide). */
export const LABEL_CONFIDENCE = ['clear', 'judgement'] as const;
export type LabelConfidence = (typeof LABEL_CONFIDENCE)[number];

/** One labelled tool. */
export const HandLabelSchema = z
  .strictObject({
    /** The server id (content/servers/<id>.json). */
    server: z.string().regex(SERVER_ID_PATTERN),
    /** The tool's name exactly as the server lists it. */
    tool: z.string().min(1),
    /** What calling the tool does, in the catalog's categories. */
    category: z.enum(CATEGORIES),
    /** True when the tool changes nothing: MCP's readOnlyHint. */
    readOnly: z.boolean(),
    /** True when it may perform destructive updates: MCP's destructiveHint (false only for additive updates). */
    destructive: z.boolean(),
    confidence: z.enum(LABEL_CONFIDENCE),
    note: z.string().optional(),
  })
  .superRefine((label, ctx) => {
    if (label.readOnly !== (label.category === 'read')) {
      ctx.addIssue({ code: 'custom', path: ['readOnly'], message: `is ${label.readOnly} but category is "${label.category}"; read-only means category read` });
    }
    if (label.readOnly && label.destructive) {
      ctx.addIssue({ code: 'custom', path: ['destructive'], message: 'is true on a read-only tool' });
    }
    if (label.category === 'destructive' && !label.destructive) {
      ctx.addIssue({ code: 'custom', path: ['destructive'], message: 'is false but category is "destructive"' });
    }
  });
export type HandLabel = z.infer<typeof HandLabelSchema>;

/** The whole file. A tool is labelled at most once. */
export const HandLabelsSchema = z
  .strictObject({
    /** The guide the labels follow (docs/labelling.md). */
    guide: z.string().min(1),
    /** How the labelled tools were chosen. */
    sampledFrom: z.string().min(1),
    labels: z.array(HandLabelSchema),
  })
  .superRefine((file, ctx) => {
    const seen = new Map<string, number>();
    file.labels.forEach((label, i) => {
      const key = `${label.server}\u0000${label.tool}`;
      const first = seen.get(key);
      if (first !== undefined) ctx.addIssue({ code: 'custom', path: ['labels', i], message: `labels ${label.server}/${label.tool} again (first at labels[${first}])` });
      else seen.set(key, i);
    });
  });
export type HandLabels = z.infer<typeof HandLabelsSchema>;

/** The file's text, parsed; throws naming `file` and the field, e.g. `content/labels/hand.json: labels[12].readOnly: expected boolean, got string`. */
export function parseHandLabels(text: string, file: string = HAND_LABELS_FILE): HandLabels {
  return parseJsonFile(text, file, HandLabelsSchema);
}
