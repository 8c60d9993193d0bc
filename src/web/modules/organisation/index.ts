export { type HeaderFacts, headerFactsFor } from './header-facts.ts';
export { useRelationHeading } from './relation-heading.ts';
