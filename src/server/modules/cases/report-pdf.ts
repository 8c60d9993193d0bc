import { type Content, renderPdf, type TableCell } from '../../pdf/render.ts';
import type { CaseReport, ReportSection } from './report.ts';

/** Headings carry a headline level, so none is left alone at the foot of a page (`pageBreakBefore`). */
const heading = (text: string): Content => ({ text, style: 'h2', headlineLevel: 1 });

function factsTable(report: CaseReport): Content {
  const body: TableCell[][] = report.facts.map(([label, value]): TableCell[] => [
    { text: label, bold: true },
    value,
  ]);
  return {
    table: { widths: [140, '*'], body, dontBreakRows: true },
    layout: 'lightHorizontalLines',
    margin: [0, 10, 0, 0],
  };
}

function sectionContent(report: CaseReport, section: ReportSection): Content[] {
  const content: Content[] = [heading(section.heading)];
  if (section.rows.length === 0) return [...content, { text: report.words.none, style: 'muted' }];
  const body: TableCell[][] = [
    section.columns.map((column): TableCell => ({ text: column.label, style: 'th' })),
    ...section.rows.map((row): TableCell[] => [...row]),
  ];
  content.push({
    // The header row repeats on every page the table runs over.
    table: { headerRows: 1, widths: section.columns.map((column) => column.width), body },
    layout: 'lightHorizontalLines',
    fontSize: 8.5,
  });
  if (section.truncated) content.push({ text: report.words.truncated, style: 'muted' });
  return content;
}

/**
 * The case report on A4: the topic, who printed it and when, the case's header, its next
 * action, then its stages, activities and notes as tables. Roboto (render.ts) carries Polish
 * and Hungarian letters; every value is text, never markup.
 */
export async function caseReportPdf(report: CaseReport): Promise<Buffer> {
  const { words } = report;
  const content: Content[] = [
    { text: words.report, style: 'muted' },
    { text: report.title, style: 'h1' },
    { text: report.printed, style: 'muted' },
  ];
  if (report.facts.length > 0) content.push(factsTable(report));
  if (report.nextAction !== null) {
    content.push(heading(words.nextAction), {
      text: report.nextAction || words.none,
      style: report.nextAction ? undefined : 'muted',
    });
  }
  if (report.description) {
    content.push(heading(report.description.label), { text: report.description.text });
  }
  for (const section of report.sections) content.push(...sectionContent(report, section));
  return renderPdf({
    info: { title: `${words.report}: ${report.title}`, creator: 'Kartoteka', producer: 'Kartoteka' },
    language: report.locale,
    pageSize: 'A4',
    pageMargins: [40, 48, 40, 48],
    pageBreakBefore: (node, nodes) =>
      node.headlineLevel === 1 && nodes.getFollowingNodesOnPage().length === 0,
    footer: (current, total) => ({
      columns: [
        { text: report.title, fontSize: 8, color: '#555555' },
        { text: words.page(current, total), alignment: 'right', fontSize: 8 },
      ],
      margin: [40, 16, 40, 0],
    }),
    content,
    styles: {
      h1: { fontSize: 18, bold: true, margin: [0, 2, 0, 4] },
      h2: { fontSize: 13, bold: true, margin: [0, 16, 0, 6] },
      th: { bold: true, fillColor: '#eeeeee' },
      muted: { fontSize: 9, color: '#555555' },
    },
    defaultStyle: { fontSize: 10, lineHeight: 1.15 },
  });
}
