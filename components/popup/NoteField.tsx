import { useEffect, useRef, useState } from 'preact/hooks';

interface Props {
  id: string;
  label: string;
  value: string;
  /** Called with the new text on Enter or when the field loses focus, only when it changed. */
  onCommit(note: string): void;
  placeholder?: string;
}

/**
 * A note edited in place: typing changes only the field; Enter or leaving
 * the field saves, Escape puts the saved text back. Changes from elsewhere
 * show up unless the user is in the middle of typing.
 */
export function NoteField({ id, label, value, onCommit, placeholder }: Props) {
  const [draft, setDraft] = useState(value);
  const editing = useRef(false);
  useEffect(() => {
    if (!editing.current) setDraft(value);
  }, [value]);

  const commit = () => {
    if (!editing.current) return;
    editing.current = false;
    const note = draft.trim();
    if (note !== value) onCommit(note);
  };

  return (
    <>
      <label for={id}>{label}</label>
      <input
        id={id}
        type="text"
        autocomplete="off"
        maxLength={2000}
        placeholder={placeholder}
        value={draft}
        onInput={(event) => {
          editing.current = true;
          setDraft(event.currentTarget.value);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            commit();
          } else if (event.key === 'Escape' && editing.current) {
            event.preventDefault();
            event.stopPropagation();
            editing.current = false;
            setDraft(value);
          }
        }}
        onBlur={commit}
      />
    </>
  );
}
