-- Imports of commune-level units (administration), and the versions they replaced: boundaries and names change
-- (Đồng Nai became a city in 2026), and figures of the past must stay explainable.
CREATE TABLE commune_import (
    id           bigserial PRIMARY KEY,
    imported_at  timestamptz NOT NULL,
    imported_by  text NOT NULL,
    source       text NOT NULL,
    accepted     integer NOT NULL,
    added        integer NOT NULL,
    changed      integer NOT NULL,
    rejected     integer NOT NULL
);

-- The state of a commune just before an import changed it (name, province or type).
CREATE TABLE commune_previous_version (
    import_id      bigint NOT NULL REFERENCES commune_import (id),
    code           text NOT NULL,
    name           text NOT NULL,
    province_code  text NOT NULL,
    type           text NOT NULL,
    PRIMARY KEY (import_id, code)
);
