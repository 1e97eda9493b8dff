export { describe, describeHours, describeValue } from './render.js';
export { humanize, rootLabel, labelSource, type DescribeLocale, type FieldLabel, type LabelSource } from './labels.js';
