export interface Note {
  id: number;
  text: string;
  /** The `sub` of the token that wrote it. */
  author: string;
}

export interface Notebook {
  list(): readonly Note[];
  add(text: string, author: string): Note;
}

const KEPT_NOTES = 20;

/** The state behind the demo tools: a short list of notes kept in memory, newest last. */
export function createNotebook(): Notebook {
  const notes: Note[] = [
    {
      id: 1,
      text: 'Welcome to the testbed. write_note needs the mcp:write scope.',
      author: 'testbed',
    },
  ];
  let nextId = 2;
  return {
    list: () => notes,
    add(text, author) {
      const note = { id: nextId++, text, author };
      notes.push(note);
      if (notes.length > KEPT_NOTES) notes.splice(0, notes.length - KEPT_NOTES);
      return note;
    },
  };
}
