/**
 * The searchable words of a story changed (its headline, standfirst, bylines or unpacked body text):
 * the search index's update triggers fire only then (migration 16). A save that leaves them alone
 * costs no index work, and packing stored text (same words, new bytes) costs none either.
 */
const SEARCHABLE_WORDS_CHANGED = `(new.headline IS NOT old.headline OR new.standfirst IS NOT old.standfirst
    OR new.byline_text IS NOT old.byline_text
    OR (new.body_text IS NOT old.body_text AND copydesk_text(new.body_text) IS NOT copydesk_text(old.body_text)))`

/**
 * Versioned schema. Each entry moves the library from version i to i + 1 and runs in one
 * transaction; PRAGMA user_version records where a file stands. Never edit a shipped migration:
 * add the next one.
 */
export const migrations: readonly string[] = [
  // 1: stories, their revisions, and full-text search over what editors look for.
  `
  CREATE TABLE stories (
    id            INTEGER PRIMARY KEY,
    slug          TEXT NOT NULL DEFAULT '',
    status        TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','editing','ready','published')),
    headline      TEXT NOT NULL DEFAULT '',
    standfirst    TEXT NOT NULL DEFAULT '',
    bylines       TEXT NOT NULL DEFAULT '[]',
    byline_text   TEXT NOT NULL DEFAULT '',
    dateline      TEXT NOT NULL DEFAULT '{}',
    lead_picture  TEXT,
    body          TEXT NOT NULL,
    body_text     TEXT NOT NULL DEFAULT '',
    word_count    INTEGER NOT NULL DEFAULT 0,
    related       TEXT NOT NULL DEFAULT '[]',
    source        TEXT,
    agency        TEXT,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    revision      INTEGER NOT NULL DEFAULT 1
  );
  CREATE INDEX stories_updated ON stories (updated_at DESC, id DESC);
  CREATE INDEX stories_status_updated ON stories (status, updated_at DESC, id DESC);

  CREATE TABLE revisions (
    story_id    INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    revision    INTEGER NOT NULL,
    saved_at    TEXT NOT NULL,
    reason      TEXT NOT NULL,
    word_count  INTEGER NOT NULL,
    snapshot    TEXT NOT NULL,
    PRIMARY KEY (story_id, revision)
  ) WITHOUT ROWID;

  CREATE VIRTUAL TABLE story_search USING fts5 (
    headline, standfirst, byline_text, body_text,
    content = 'stories', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
  );
  CREATE TRIGGER stories_ai AFTER INSERT ON stories BEGIN
    INSERT INTO story_search (rowid, headline, standfirst, byline_text, body_text)
    VALUES (new.id, new.headline, new.standfirst, new.byline_text, new.body_text);
  END;
  CREATE TRIGGER stories_ad AFTER DELETE ON stories BEGIN
    INSERT INTO story_search (story_search, rowid, headline, standfirst, byline_text, body_text)
    VALUES ('delete', old.id, old.headline, old.standfirst, old.byline_text, old.body_text);
  END;
  CREATE TRIGGER stories_au AFTER UPDATE OF headline, standfirst, byline_text, body_text ON stories BEGIN
    INSERT INTO story_search (story_search, rowid, headline, standfirst, byline_text, body_text)
    VALUES ('delete', old.id, old.headline, old.standfirst, old.byline_text, old.body_text);
    INSERT INTO story_search (rowid, headline, standfirst, byline_text, body_text)
    VALUES (new.id, new.headline, new.standfirst, new.byline_text, new.body_text);
  END;
  `,
  // 2: the wire copy a story came from (kept byte for byte), picture bytes (content-addressed),
  // and the house's settings (export style and the like).
  `
  CREATE TABLE originals (
    story_id   INTEGER PRIMARY KEY REFERENCES stories (id) ON DELETE CASCADE,
    file_name  TEXT NOT NULL,
    format     TEXT NOT NULL,
    bytes      BLOB NOT NULL
  );

  CREATE TABLE media (
    id          TEXT PRIMARY KEY,
    type        TEXT NOT NULL,
    size        INTEGER NOT NULL,
    width       INTEGER,
    height      INTEGER,
    bytes       BLOB NOT NULL,
    created_at  TEXT NOT NULL
  );

  CREATE TABLE settings (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
  ) WITHOUT ROWID;
  `,
  // 3: publishing: when a story was first published, and its keywords (tags) for the exported page.
  `
  ALTER TABLE stories ADD COLUMN published_at TEXT;
  ALTER TABLE stories ADD COLUMN keywords TEXT NOT NULL DEFAULT '[]';
  `,
  // 4: related-story suggestions: how many stories use each term, read from the search index itself.
  `
  CREATE VIRTUAL TABLE story_vocab USING fts5vocab (story_search, 'row');
  `,
  // 5: picture bytes in parts (512 KiB, PART_BYTES in media.ts), so a 20 MB photograph is written a part
  // at a time and main goes on answering autosaves between parts. A picture's row is written with
  // its last part: parts without a row are an interrupted store, removed when the library opens.
  // A large picture also keeps a small preview, which is what the app shows.
  `
  CREATE TABLE media_part (
    media_id  TEXT NOT NULL,
    seq       INTEGER NOT NULL,
    bytes     BLOB NOT NULL,
    PRIMARY KEY (media_id, seq)
  );
  INSERT INTO media_part (media_id, seq, bytes) SELECT id, 0, bytes FROM media;
  ALTER TABLE media DROP COLUMN bytes;
  ALTER TABLE media ADD COLUMN preview BLOB;
  ALTER TABLE media ADD COLUMN preview_type TEXT;
  `,
  // 6: spelling: the house dictionary (words the desk adds), the style book (forms it does not
  // print, and what it prints instead), and each story's own spelling settings: its language when
  // it is not the house's, and the words the editor let stand in it.
  `
  CREATE TABLE house_words (
    word      TEXT PRIMARY KEY,
    note      TEXT NOT NULL DEFAULT '',
    added_at  TEXT NOT NULL
  ) WITHOUT ROWID;
  CREATE TABLE style_book (
    form       TEXT PRIMARY KEY COLLATE NOCASE,
    preferred  TEXT NOT NULL,
    note       TEXT NOT NULL DEFAULT '',
    added_at   TEXT NOT NULL
  ) WITHOUT ROWID;
  CREATE TABLE story_spelling (
    story_id  INTEGER PRIMARY KEY REFERENCES stories(id) ON DELETE CASCADE,
    language  TEXT,
    ignored   TEXT NOT NULL DEFAULT '[]'
  );
  `,
  // 7: renditions of pictures for publishing (widths, formats, social-card crops), made at export and
  // kept so the next export of the same picture with the same house style is a read. A cache: every
  // row can be deleted and is made again when needed. One set per key (the picture, the house
  // style's widths and format, the encoders' settings and the words written into the file); kind
  // is 'widths' (the page's renditions) or 'crop' (a social card: only the latest few are kept).
  `
  CREATE TABLE rendition_set (
    key         TEXT PRIMARY KEY,
    media_id    TEXT NOT NULL,
    width       INTEGER NOT NULL,
    height      INTEGER NOT NULL,
    fallback    TEXT NOT NULL,
    kind        TEXT NOT NULL,
    made_at     TEXT NOT NULL
  );
  CREATE INDEX rendition_set_media ON rendition_set (media_id);
  CREATE TABLE rendition (
    set_key  TEXT NOT NULL REFERENCES rendition_set (key) ON DELETE CASCADE,
    seq      INTEGER NOT NULL,
    type     TEXT NOT NULL,
    width    INTEGER NOT NULL,
    height   INTEGER NOT NULL,
    bytes    BLOB NOT NULL,
    PRIMARY KEY (set_key, seq)
  );
  `,
  // 8: the desk (docs/team.md). A shared story keeps its local row in stories (a projection of its
  // Y.Doc, so list, search, checks and export work offline) plus its desk facts; every Yjs update
  // is kept as it happens (local ones marked until the server has them); the link to the desk
  // server and the change-feed cursor are one row each.
  `
  CREATE TABLE desk_stories (
    story_id    INTEGER PRIMARY KEY REFERENCES stories (id) ON DELETE CASCADE,
    shared_id   TEXT NOT NULL UNIQUE,
    desk        TEXT NOT NULL,
    owner       TEXT NOT NULL,
    assignee    TEXT,
    embargo     TEXT,
    updated_by  TEXT,
    change      INTEGER NOT NULL DEFAULT 0
  );
  CREATE TABLE desk_updates (
    seq        INTEGER PRIMARY KEY,
    shared_id  TEXT NOT NULL,
    bytes      BLOB NOT NULL,
    local      INTEGER NOT NULL,
    sent       INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX desk_updates_story ON desk_updates (shared_id, seq);
  CREATE INDEX desk_updates_waiting ON desk_updates (sent, local);
  CREATE TABLE desk_link (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
  ) WITHOUT ROWID;
  `,
  // 9: a wire file's original bytes stored once, referenced by every story made from it. Each story
  // kept its own copy before, so a 2 MB message of 5,000 items grew a library by 10 GB. Existing
  // copies are folded together (same name, format and bytes); a file goes with its last story.
  `
  CREATE TABLE wire_files (
    id         INTEGER PRIMARY KEY,
    file_name  TEXT NOT NULL,
    format     TEXT NOT NULL,
    bytes      BLOB NOT NULL
  );
  CREATE TABLE story_originals (
    story_id  INTEGER PRIMARY KEY REFERENCES stories (id) ON DELETE CASCADE,
    file_id   INTEGER NOT NULL REFERENCES wire_files (id)
  );
  CREATE INDEX story_originals_by_file ON story_originals (file_id);

  INSERT INTO wire_files (file_name, format, bytes)
    SELECT file_name, format, bytes FROM originals GROUP BY file_name, format, length(bytes), bytes;
  INSERT INTO story_originals (story_id, file_id)
    SELECT o.story_id, w.id FROM originals o
    JOIN wire_files w ON w.file_name = o.file_name AND w.format = o.format
      AND length(w.bytes) = length(o.bytes) AND w.bytes = o.bytes;
  DROP TABLE originals;

  CREATE TRIGGER story_originals_ad AFTER DELETE ON story_originals BEGIN
    DELETE FROM wire_files
    WHERE id = old.file_id AND NOT EXISTS (SELECT 1 FROM story_originals WHERE file_id = old.file_id);
  END;
  `,
  // 10: what wire copy says about itself (issue 16): the agency's notes to editors, an embargo, how
  // urgent it is and its language. Editorial, never published.
  `
  ALTER TABLE stories ADD COLUMN editor_note TEXT NOT NULL DEFAULT '';
  ALTER TABLE stories ADD COLUMN wire_embargo TEXT;
  ALTER TABLE stories ADD COLUMN urgency INTEGER;
  ALTER TABLE stories ADD COLUMN language TEXT NOT NULL DEFAULT '';
  `,
  // 11: the spike (stories set aside, kept until purged, brought back on request) and a note on a
  // revision that says more than its reason ("revision 3" for a restore, "copy of story 12").
  // The spike is a table of its own, not a status: a spiked story keeps the status it had.
  `
  CREATE TABLE spiked (
    story_id   INTEGER PRIMARY KEY REFERENCES stories (id) ON DELETE CASCADE,
    spiked_at  TEXT NOT NULL
  );
  CREATE INDEX spiked_at ON spiked (spiked_at);
  ALTER TABLE revisions ADD COLUMN note TEXT;
  `,
  // 12: one embargo per story (issue 20): the wire's embargo (wire_embargo, the agency's time as
  // written) becomes the story's embargo, kept as a UTC instant plus the zone it was given in. A time
  // with an offset keeps that offset as its zone; a time without one was the desk's local time, which
  // SQLite's 'utc' modifier reads in this machine's zone (the zone is then left unnamed: "local");
  // words alone stay words. The desk's own note and the agency's kill sit beside it.
  `
  ALTER TABLE stories ADD COLUMN embargo TEXT;
  ALTER TABLE stories ADD COLUMN desk_note TEXT NOT NULL DEFAULT '';
  ALTER TABLE stories ADD COLUMN kill TEXT;
  UPDATE stories SET embargo = (
    WITH e AS (
      SELECT json_extract(wire_embargo, '$.until') AS until, json_extract(wire_embargo, '$.note') AS note
    )
    SELECT json_patch(
      json_patch(
        json_object('from', 'wire'),
        CASE WHEN e.note IS NULL THEN '{}' ELSE json_object('note', e.note) END
      ),
      CASE
        WHEN e.until IS NULL THEN '{}'
        WHEN e.until GLOB '*T*Z' THEN
          json_object('at', strftime('%Y-%m-%dT%H:%M:%fZ', e.until), 'zone', 'UTC')
        WHEN e.until GLOB '*T*[+-][0-9][0-9]:[0-9][0-9]' THEN
          json_object('at', strftime('%Y-%m-%dT%H:%M:%fZ', e.until), 'zone', substr(e.until, -6))
        ELSE json_object('at', strftime('%Y-%m-%dT%H:%M:%fZ', e.until, 'utc'), 'zone', 'local')
      END
    ) FROM e
  ) WHERE wire_embargo IS NOT NULL;
  ALTER TABLE stories DROP COLUMN wire_embargo;
  `,
  // 13: wire originals deflated (library/packed.ts): about a quarter of their size. Each existing
  // original is packed in place (copydesk_pack, registered by open.ts, gives NULL for bytes that
  // would not shrink, which stay as they are), so nothing is lost and the file shrinks at the next
  // VACUUM or as SQLite reuses the freed pages.
  `
  ALTER TABLE wire_files ADD COLUMN deflated INTEGER NOT NULL DEFAULT 0;
  UPDATE wire_files SET bytes = copydesk_pack(bytes), deflated = 1 WHERE copydesk_pack(bytes) IS NOT NULL;
  `,
  // 14 (issue 22): a smaller library, a third of the size. A story's body
  // and each revision's snapshot are stored deflated (packed.ts), and snapshots no longer repeat the
  // body text (derived from the body); a revision's status gets a column, so the history reads it
  // without unpacking. Existing stories are packed after this step, a batch at a time and
  // resumably (upgrade.ts, task 'pack-stories'). The search index is kept as it was: a column-level
  // index (detail = column) is a third of its size but made ranking 20 times slower
  // (docs/benchmarks.md, "Disk"). A picture added a part at a time is stored as its parts arrive,
  // under the upload's own key (media.parts names it; null for a picture whose parts are under its
  // id), so finishing is one row.
  `
  ALTER TABLE revisions ADD COLUMN status TEXT;
  ALTER TABLE media ADD COLUMN parts TEXT;
  CREATE TABLE library_upgrade (
    task     TEXT PRIMARY KEY,
    done_to  INTEGER NOT NULL DEFAULT 0
  ) WITHOUT ROWID;
  INSERT INTO library_upgrade (task) SELECT 'pack-stories' WHERE EXISTS (SELECT 1 FROM stories);
  `,
  // 15 (issue 22): the library's counts kept as it changes. A list's total was count(*) over every
  // story (64 ms at a million, on every page of the list and every related suggestion); triggers now
  // keep the number of stories of each status in story_tally, so a total is a few rows' sum. The
  // spike is counted from its own small table, as before.
  `
  CREATE TABLE story_tally (
    status   TEXT PRIMARY KEY,
    stories  INTEGER NOT NULL
  ) WITHOUT ROWID;
  INSERT INTO story_tally (status, stories) SELECT status, count(*) FROM stories GROUP BY status;
  CREATE TRIGGER stories_tally_ai AFTER INSERT ON stories BEGIN
    INSERT INTO story_tally (status, stories) VALUES (new.status, 1)
      ON CONFLICT (status) DO UPDATE SET stories = stories + 1;
  END;
  CREATE TRIGGER stories_tally_ad AFTER DELETE ON stories BEGIN
    UPDATE story_tally SET stories = stories - 1 WHERE status = old.status;
  END;
  CREATE TRIGGER stories_tally_au AFTER UPDATE OF status ON stories WHEN new.status IS NOT old.status BEGIN
    UPDATE story_tally SET stories = stories - 1 WHERE status = old.status;
    INSERT INTO story_tally (status, stories) VALUES (new.status, 1)
      ON CONFLICT (status) DO UPDATE SET stories = stories + 1;
  END;
  `,
  // 16 (issue 22): the body text stored deflated too, and a search index that keeps no text of its
  // own to read. The index was external-content (content = 'stories'), reading stories.body_text,
  // so that text had to stay plain (6.9 of a story's 21.6 KiB). The new index is contentless
  // (content = '', contentless_delete = 1): its triggers feed it the text unpacked
  // (copydesk_text, registered by open.ts on every connection), a delete is by rowid alone, and
  // search's marks and snippets read the story's own text (marks.ts). Same tokenizer, prefixes and
  // detail, so ranking is unchanged.
  //
  // A library of a million stories takes a long while to index, so the new index is built beside
  // the old one, which search goes on reading until the new one is complete (upgrade.ts,
  // 'index-stories': batches in the background, resumable, with progress). Meanwhile:
  // - the old index is fed unpacked text too (a save writes the body text packed from now on);
  // - the new one, story_search_next, gets the saves of stories it already holds (ids up to
  //   done_to, which the task moves on) and of stories newer than this step (ids above ceiling);
  //   the task puts in the rest, as they are when it reaches them.
  // The update triggers fire only when the searchable words change, so packing the stored text
  // (same words, new bytes) costs no index work. SEARCH_INDEX_SWAP finishes the step.
  `
  DROP TRIGGER stories_ai;
  DROP TRIGGER stories_ad;
  DROP TRIGGER stories_au;
  CREATE VIRTUAL TABLE story_search_next USING fts5 (
    headline, standfirst, byline_text, body_text,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
  );
  CREATE TABLE story_search_build (
    done_to  INTEGER NOT NULL,
    ceiling  INTEGER NOT NULL
  );
  INSERT INTO story_search_build (done_to, ceiling) SELECT 0, coalesce(max(id), 0) FROM stories;
  CREATE TRIGGER stories_ai AFTER INSERT ON stories BEGIN
    INSERT INTO story_search (rowid, headline, standfirst, byline_text, body_text)
    VALUES (new.id, new.headline, new.standfirst, new.byline_text, copydesk_text(new.body_text));
    INSERT INTO story_search_next (rowid, headline, standfirst, byline_text, body_text)
    SELECT new.id, new.headline, new.standfirst, new.byline_text, copydesk_text(new.body_text)
    FROM story_search_build WHERE new.id <= done_to OR new.id > ceiling;
  END;
  CREATE TRIGGER stories_ad AFTER DELETE ON stories BEGIN
    INSERT INTO story_search (story_search, rowid, headline, standfirst, byline_text, body_text)
    VALUES ('delete', old.id, old.headline, old.standfirst, old.byline_text, copydesk_text(old.body_text));
    DELETE FROM story_search_next WHERE rowid = old.id
      AND EXISTS (SELECT 1 FROM story_search_build WHERE old.id <= done_to OR old.id > ceiling);
  END;
  CREATE TRIGGER stories_au AFTER UPDATE OF headline, standfirst, byline_text, body_text ON stories
  WHEN ${SEARCHABLE_WORDS_CHANGED}
  BEGIN
    INSERT INTO story_search (story_search, rowid, headline, standfirst, byline_text, body_text)
    VALUES ('delete', old.id, old.headline, old.standfirst, old.byline_text, copydesk_text(old.body_text));
    INSERT INTO story_search (rowid, headline, standfirst, byline_text, body_text)
    VALUES (new.id, new.headline, new.standfirst, new.byline_text, copydesk_text(new.body_text));
    DELETE FROM story_search_next WHERE rowid = old.id
      AND EXISTS (SELECT 1 FROM story_search_build WHERE old.id <= done_to OR old.id > ceiling);
    INSERT INTO story_search_next (rowid, headline, standfirst, byline_text, body_text)
    SELECT new.id, new.headline, new.standfirst, new.byline_text, copydesk_text(new.body_text)
    FROM story_search_build WHERE new.id <= done_to OR new.id > ceiling;
  END;
  CREATE TABLE IF NOT EXISTS library_upgrade (
    task     TEXT PRIMARY KEY,
    done_to  INTEGER NOT NULL DEFAULT 0
  ) WITHOUT ROWID;
  INSERT INTO library_upgrade (task) VALUES ('index-stories');
  `,
  // 17 (issue 22): the library's vocabulary, so search can write an unfinished word as an OR of the
  // whole words it starts (search-terms.ts). Kept by the app as stories are written; a library with
  // stories already is copied from the index's own vocabulary in the background, a batch at a time,
  // and search_terms_fill (the last word copied) is there until that copy is complete.
  `
  CREATE TABLE search_terms (
    term  TEXT PRIMARY KEY
  ) WITHOUT ROWID;
  CREATE TABLE search_terms_fill (
    after  TEXT NOT NULL
  );
  INSERT INTO search_terms_fill (after) SELECT '' WHERE EXISTS (SELECT 1 FROM stories);
  `,
]

export const SCHEMA_VERSION = migrations.length

/**
 * The end of migration 16, run by its upgrade task (upgrade.ts, 'index-stories') in the
 * transaction of its last batch, once story_search_next holds every story: the new index takes the
 * old one's name (so search and suggestions read it from the next query on), the vocabulary is
 * made over it again, and the triggers feed it alone.
 */
export const SEARCH_INDEX_SWAP = `
  DROP TRIGGER stories_ai;
  DROP TRIGGER stories_ad;
  DROP TRIGGER stories_au;
  DROP TABLE story_vocab;
  DROP TABLE story_search;
  DROP TABLE story_search_build;
  ALTER TABLE story_search_next RENAME TO story_search;
  CREATE VIRTUAL TABLE story_vocab USING fts5vocab (story_search, 'row');
  CREATE TRIGGER stories_ai AFTER INSERT ON stories BEGIN
    INSERT INTO story_search (rowid, headline, standfirst, byline_text, body_text)
    VALUES (new.id, new.headline, new.standfirst, new.byline_text, copydesk_text(new.body_text));
  END;
  CREATE TRIGGER stories_ad AFTER DELETE ON stories BEGIN
    DELETE FROM story_search WHERE rowid = old.id;
  END;
  CREATE TRIGGER stories_au AFTER UPDATE OF headline, standfirst, byline_text, body_text ON stories
  WHEN ${SEARCHABLE_WORDS_CHANGED}
  BEGIN
    DELETE FROM story_search WHERE rowid = old.id;
    INSERT INTO story_search (rowid, headline, standfirst, byline_text, body_text)
    VALUES (new.id, new.headline, new.standfirst, new.byline_text, copydesk_text(new.body_text));
  END;
`
