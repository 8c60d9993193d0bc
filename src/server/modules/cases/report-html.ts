import type { CaseReport, ReportSection } from './report.ts';

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text as HTML text or attribute value: a value containing markup shows as what it says. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

/** Line breaks of long texts kept on screen and paper (escaped first, so no markup comes in). */
const block = (text: string) => `<div class="text">${escapeHtml(text)}</div>`;

function sectionHtml(report: CaseReport, section: ReportSection): string {
  const title = `<h2>${escapeHtml(section.heading)}</h2>`;
  if (section.rows.length === 0) return `${title}<p class="muted">${escapeHtml(report.words.none)}</p>`;
  const head = section.columns.map((column) => `<th scope="col">${escapeHtml(column.label)}</th>`).join('');
  const rows = section.rows
    .map((row) => `<tr>${row.map((cell) => `<td>${block(cell)}</td>`).join('')}</tr>`)
    .join('\n');
  const truncated = section.truncated ? `<p class="muted">${escapeHtml(report.words.truncated)}</p>` : '';
  return `${title}<table><thead><tr>${head}</tr></thead><tbody>\n${rows}\n</tbody></table>${truncated}`;
}

/**
 * Styles only: the Content-Security-Policy runs no inline script, and none is needed. Table
 * headers repeat on each printed page; rows are not split across pages.
 */
const STYLE = `
  body { font: 10.5pt/1.4 system-ui, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;
    color: #111; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; }
  h1 { font-size: 1.6rem; margin: 0.1rem 0 0.3rem; }
  h2 { font-size: 1.15rem; margin: 1.6rem 0 0.5rem; break-after: avoid; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; vertical-align: top; padding: 0.3rem 0.5rem; border-bottom: 1px solid #ccc; }
  thead th { background: #eee; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  table.facts th { width: 12rem; background: none; }
  .text { white-space: pre-wrap; overflow-wrap: anywhere; }
  .muted { color: #555; font-size: 0.9em; }
  .screen { border: 1px solid #ccc; background: #f7f7f7; padding: 0.5rem 0.75rem; margin-bottom: 1.5rem; }
  @page { size: A4; margin: 15mm; }
  @media print {
    .screen { display: none; }
    body { margin: 0; max-width: none; padding: 0; }
  }
`;

/**
 * The case report as one HTML page for the browser's print dialog: the same content as the
 * PDF (report-pdf.ts), every value escaped. `pdfHref` links the PDF of the same report.
 */
export function caseReportHtml(report: CaseReport, pdfHref: string): string {
  const { words } = report;
  const facts = report.facts
    .map(([label, value]) => `<tr><th scope="row">${escapeHtml(label)}</th><td>${block(value)}</td></tr>`)
    .join('\n');
  const parts = [
    `<p class="screen">${escapeHtml(words.printHint)} <a href="${escapeHtml(pdfHref)}">${escapeHtml(words.pdf)}</a></p>`,
    `<p class="muted">${escapeHtml(words.report)}</p>`,
    `<h1>${escapeHtml(report.title)}</h1>`,
    `<p class="muted">${escapeHtml(report.printed)}</p>`,
    facts ? `<table class="facts"><tbody>\n${facts}\n</tbody></table>` : '',
  ];
  if (report.nextAction !== null) {
    parts.push(
      `<h2>${escapeHtml(words.nextAction)}</h2>`,
      report.nextAction
        ? `<p>${escapeHtml(report.nextAction)}</p>`
        : `<p class="muted">${escapeHtml(words.none)}</p>`,
    );
  }
  if (report.description) {
    parts.push(`<h2>${escapeHtml(report.description.label)}</h2>`, block(report.description.text));
  }
  for (const section of report.sections) parts.push(sectionHtml(report, section));
  return `<!doctype html>
<html lang="${escapeHtml(report.locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`${words.report}: ${report.title}`)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${parts.filter((part) => part !== '').join('\n')}
</main>
</body>
</html>
`;
}
