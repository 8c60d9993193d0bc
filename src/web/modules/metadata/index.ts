export {
  expandedTitle,
  fieldOf,
  isReference,
  objectContext,
  pickLabel,
  recordContext,
  recordTitle,
  titleProjection,
  useObjectMeta,
  useObjects,
} from './metadata.ts';
