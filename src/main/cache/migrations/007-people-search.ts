/**
 * Full-text search over people (FTS5): legal names, preferred name, emails, title and
 * department, one document per person and snapshot. The documents are versioned like every
 * other row; the FTS index covers them all and a search joins back to the live `person_search`
 * view. Triggers keep the index in step with inserts and purges.
 */
import type { Migration } from '../migrate'
import { VERSION_COLUMNS_SQL, liveViewSql, removedIndexSql } from './live-view-sql'

export const peopleSearch: Migration = {
  version: 7,
  name: 'people-search',
  up(db) {
    db.exec(`
      CREATE TABLE person_search_version (
        doc_row INTEGER PRIMARY KEY,${VERSION_COLUMNS_SQL},
        individual_id TEXT NOT NULL,
        names TEXT,
        preferred_name TEXT,
        emails TEXT,
        title TEXT,
        department TEXT
      ) STRICT;

      CREATE INDEX person_search_version_by_person
        ON person_search_version (connection_id, individual_id);
      ${removedIndexSql('person_search_version')}

      CREATE VIRTUAL TABLE person_search_index USING fts5(
        names, preferred_name, emails, title, department,
        content = 'person_search_version', content_rowid = 'doc_row',
        tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
      );

      CREATE TRIGGER person_search_version_indexed AFTER INSERT ON person_search_version BEGIN
        INSERT INTO person_search_index (rowid, names, preferred_name, emails, title, department)
        VALUES (new.doc_row, new.names, new.preferred_name, new.emails, new.title, new.department);
      END;

      CREATE TRIGGER person_search_version_unindexed AFTER DELETE ON person_search_version BEGIN
        INSERT INTO person_search_index
          (person_search_index, rowid, names, preferred_name, emails, title, department)
        VALUES ('delete', old.doc_row, old.names, old.preferred_name, old.emails, old.title,
          old.department);
      END;

      ${liveViewSql('person_search', 'person_search_version', [
        'doc_row',
        'connection_id',
        'individual_id',
        'names',
        'preferred_name',
        'emails',
        'title',
        'department',
      ])}
    `)
  },
}
