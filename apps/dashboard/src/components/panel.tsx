// The frame every dashboard section sits in: a title row with optional tools, then the body.
import type { ReactNode } from 'react';

/** Props of a panel. */
export interface PanelProps {
  title: string;
  /** Small text after the title (units, counts). */
  subtitle?: ReactNode;
  tools?: ReactNode;
  className?: string;
  testId?: string;
  children: ReactNode;
}

/** A titled section of the dashboard grid. */
export function Panel({ title, subtitle, tools, className, testId, children }: PanelProps) {
  return (
    <section className={`panel ${className ?? ''}`} data-testid={testId}>
      <header className="panel-head">
        <h2>{title}</h2>
        {subtitle !== undefined && <span className="panel-sub">{subtitle}</span>}
        {tools !== undefined && <div className="panel-tools">{tools}</div>}
      </header>
      <div className="panel-body">{children}</div>
    </section>
  );
}

/** Props of a segmented selector. */
export interface SegmentedProps<T extends string> {
  options: readonly T[];
  value: T;
  label: (option: T) => string;
  onChange: (option: T) => void;
  testId: string;
  title: string;
}

/** A row of toggle buttons, one of them pressed. */
export function Segmented<T extends string>({ options, value, label, onChange, testId, title }: SegmentedProps<T>) {
  return (
    <div className="segmented" role="group" aria-label={title} data-testid={testId}>
      {options.map((option) => (
        <button
          key={option}
          type="button"
          aria-pressed={option === value}
          className={option === value ? 'on' : ''}
          data-value={option}
          onClick={() => onChange(option)}
        >
          {label(option)}
        </button>
      ))}
    </div>
  );
}
