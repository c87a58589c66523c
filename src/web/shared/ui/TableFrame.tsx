// The frame of every data table: a table wider than the screen (a phone) scrolls inside it, never the page.
import { useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';

/**
 * While its table is wider than the frame, the frame is a region named by the table's caption that takes keyboard
 * focus, so it can be scrolled without a pointer; otherwise it is a plain box and adds no tab stop.
 */
export function TableFrame({ className, testId, children }: { className?: string; testId?: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const captionId = useId();
  const [scrolls, setScrolls] = useState(false);
  const [labelledBy, setLabelledBy] = useState<string | undefined>(undefined);

  useLayoutEffect(() => {
    const frame = ref.current;
    if (!frame) return;
    const caption = frame.querySelector('caption');
    if (caption) {
      if (!caption.id) caption.id = captionId;
      setLabelledBy(caption.id);
    }
    const measure = () => setScrolls(frame.scrollWidth > frame.clientWidth + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(frame);
    const table = frame.querySelector('table');
    if (table) observer.observe(table);
    return () => observer.disconnect();
  }, [captionId]);

  return (
    <div
      ref={ref}
      className={className ? `krds-table-wrap ${className}` : 'krds-table-wrap'}
      data-testid={testId}
      {...(scrolls ? { tabIndex: 0, role: 'region', 'aria-labelledby': labelledBy } : {})}
    >
      {children}
    </div>
  );
}
