export {
  expandedTitle,
  fieldOf,
  isReference,
  pickLabel,
  recordTitle,
  titleProjection,
  useObjectMeta,
  useObjects,
} from './metadata.ts';
