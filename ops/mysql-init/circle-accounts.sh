#!/bin/bash
# Circle's two database accounts (docs/operations.md, "Database accounts"), made by the MySQL
# image once, when the data volume is first initialised (docker-entrypoint-initdb.d):
#   circle_migrate  owns the schema: Circle migrates as it (CIRCLE_DB_MIGRATION_USER) and, after
#                   each migration, grants the circle account exactly what it needs, table by table.
#   circle          the account Circle runs as. The database-wide row privileges below only let it
#                   connect before the first migration; Circle takes them back at its first start,
#                   leaving INSERT and SELECT on consent_record and no DROP, ALTER or TRIGGER anywhere.
set -eu
: "${CIRCLE_DB_PASSWORD:?CIRCLE_DB_PASSWORD is empty; start with --env-file circle.env}"
: "${CIRCLE_DB_MIGRATION_PASSWORD:?CIRCLE_DB_MIGRATION_PASSWORD is empty; start with --env-file circle.env}"
# A password as a SQL string literal: backslashes and quotes doubled.
literal() { printf "'%s'" "$(printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e "s/'/''/g")"; }
# The password in the environment, not on the command line where ps would show it.
MYSQL_PWD="${MYSQL_ROOT_PASSWORD}" mysql --protocol=socket -uroot <<SQL
CREATE USER 'circle_migrate'@'%' IDENTIFIED BY $(literal "${CIRCLE_DB_MIGRATION_PASSWORD}");
GRANT CREATE, ALTER, DROP, INDEX, TRIGGER, REFERENCES, SELECT, INSERT, UPDATE, DELETE
    ON \`circle\`.* TO 'circle_migrate'@'%' WITH GRANT OPTION;
CREATE USER 'circle'@'%' IDENTIFIED BY $(literal "${CIRCLE_DB_PASSWORD}");
GRANT SELECT, INSERT, UPDATE, DELETE ON \`circle\`.* TO 'circle'@'%';
SQL
