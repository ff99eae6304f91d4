export interface SearchDocument {
  id: number;
  url: string;
  title: string;
  summary: string;
  section: string;
  date: string;
  authors: string;
  tags: string;
  body: string;
}

export interface SearchIndexFile {
  documents: SearchDocument[];
}
