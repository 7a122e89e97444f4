/**
 * A document (domain/document/model.ts) on screen: the print view, the
 * template preview, the version-history preview and the export preview all
 * render the same document model with this. User text is React text, never
 * HTML.
 */
import type { ReactNode } from 'react';
import type { Block, Doc, Inline, List, Section, Table } from '../domain/document/model';
import { marksText } from '../domain/document/model';
import './CardSheet.css';
import './document.css';

type Level = 1 | 2 | 3 | 4 | 5 | 6;
const level = (value: number) => Math.min(6, Math.max(1, value)) as Level;

function Heading({ depth, className, children }: { depth: number; className?: string; children: ReactNode }) {
  const Tag = `h${level(depth)}` as const;
  return <Tag className={className}>{children}</Tag>;
}

function Inlines({ content }: { content: readonly Inline[] }) {
  return (
    <>
      {content.map((node, i) => {
        if (node.type === 'strong') return <strong key={i}>{node.text}</strong>;
        if (node.type === 'emphasis') return <em key={i}>{node.text}</em>;
        if (node.type === 'marks')
          return (
            <span key={i} className="document-marks">
              {marksText(node.labels)}
            </span>
          );
        return <span key={i}>{node.text}</span>;
      })}
    </>
  );
}

function ListView({ value }: { value: List }) {
  const Tag = value.ordered ? 'ol' : 'ul';
  if (value.cards) {
    return (
      <ul className="print-cards">
        {value.items.map((entry, i) => (
          <li key={i} className="print-card" data-colour={entry.colour} data-example={entry.example || undefined} dir="auto">
            <Inlines content={entry.content} />
          </li>
        ))}
      </ul>
    );
  }
  return (
    <Tag className="document-list">
      {value.items.map((entry, i) => (
        <li key={i} dir="auto">
          <Inlines content={entry.content} />
          {entry.children && <ListView value={entry.children} />}
        </li>
      ))}
    </Tag>
  );
}

function TableView({ value }: { value: Table }) {
  return (
    <table className="print-table">
      <caption>{value.caption}</caption>
      <thead>
        <tr>
          {value.header.map((name) => (
            <th key={name} scope="col">
              {name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {value.rows.map((cells, r) => (
          <tr key={r}>
            {cells.map((content, c) =>
              c === 0 && value.rowHeaders ? (
                <th key={c} scope="row" dir="auto">
                  <Inlines content={content} />
                </th>
              ) : (
                <td key={c} dir="auto" data-label={value.header[c]}>
                  <Inlines content={content} />
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Blocks({ values, depth }: { values: readonly Block[]; depth: number }) {
  return (
    <>
      {values.map((block, i) => {
        switch (block.type) {
          case 'paragraph':
            return (
              <p key={i} className={block.role ? `document-${block.role}` : 'print-description'} dir="auto">
                <Inlines content={block.content} />
              </p>
            );
          case 'list':
            return <ListView key={i} value={block} />;
          case 'table':
            return <TableView key={i} value={block} />;
          case 'note':
            return (
              <aside key={i} className={`document-note document-note--${block.role}`} aria-label={block.title}>
                <p className="document-note-title">{block.title}</p>
                <Blocks values={block.blocks} depth={depth} />
              </aside>
            );
        }
      })}
    </>
  );
}

// Sections are not named: a document of twenty named regions would crowd a screen reader's list of landmarks.
function SectionView({ value, depth }: { value: Section; depth: number }) {
  return (
    <section className="print-step">
      <Heading depth={depth}>{value.title}</Heading>
      <Blocks values={value.blocks} depth={depth} />
      {value.sections.map((child) => (
        <SectionView key={child.id} value={child} depth={depth + 1} />
      ))}
    </section>
  );
}

export interface DocumentViewProps {
  doc: Doc;
  /** The heading level of the document's title: the screen around it has its own headings. */
  titleLevel: number;
  /** The article's accessible name; the title by default. */
  label?: string;
  className?: string;
  /** Anything to show above the title (a toolbar that does not print). */
  before?: ReactNode;
}

export function DocumentView({ doc, titleLevel, label, className, before }: DocumentViewProps) {
  return (
    <article className={`print-document ${className ?? ''}`} aria-label={label ?? doc.title}>
      {before}
      <Heading depth={titleLevel} className="print-title">
        {doc.title}
      </Heading>
      <Blocks values={doc.intro} depth={titleLevel} />
      {doc.sections.map((child) => (
        <SectionView key={child.id} value={child} depth={titleLevel + 1} />
      ))}
    </article>
  );
}
