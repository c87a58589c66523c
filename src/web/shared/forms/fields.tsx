// Form parts forms.tsx lacks: a date and a plain one-line text input, each placed by its body pointer.
import { useField } from './forms.tsx';
import { Field } from '../ui/ui.tsx';

/** A date input placed by its body pointer (errors and ids from the enclosing FormErrors). */
export function DateField({ pointer, label, value, onChange, required, hint }: {
  pointer: string; label: string; value: string; onChange: (v: string) => void; required?: boolean; hint?: string | undefined;
}) {
  const f = useField(pointer);
  return (
    <Field id={f.id} label={label} required={required} hint={hint} error={f.error}>
      {(aria) => <input {...aria} type="date" className="krds-input" value={value} onChange={(e) => onChange(e.target.value)} />}
    </Field>
  );
}

/** A one-line plain text input placed by its body pointer. */
export function LineField({ pointer, label, value, onChange, required, hint, maxLength }: {
  pointer: string; label: string; value: string; onChange: (v: string) => void; required?: boolean; hint?: string | undefined; maxLength?: number;
}) {
  const f = useField(pointer);
  return (
    <Field id={f.id} label={label} required={required} hint={hint} error={f.error}>
      {(aria) => <input {...aria} type="text" className="krds-input" value={value} maxLength={maxLength} onChange={(e) => onChange(e.target.value)} />}
    </Field>
  );
}
