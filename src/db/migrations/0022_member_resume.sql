-- Her résumé (履歴書, issue 15): work history and, if she wants, education, as a JSON object
-- {"work": [...], "education": [...]} validated by the API, and whether she shares it (with her
-- 自己PR) with an employer once a coordinator introduces her. Existing members wrote none and share
-- nothing until they say so.
ALTER TABLE members ADD COLUMN resume TEXT CHECK (resume IS NULL OR (json_valid(resume) AND json_type(resume) = 'object'));
ALTER TABLE members ADD COLUMN share_resume INTEGER NOT NULL DEFAULT 0 CHECK (share_resume IN (0, 1));
