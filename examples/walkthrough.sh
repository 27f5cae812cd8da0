#!/usr/bin/env bash
# The README walkthroughs, top to bottom, against a running API (`npm start`). Every id is captured from
# an answer; any answer with another status than expected stops the script with a non-zero exit.
#
#   BASE_URL   the API (default http://localhost:3000)
#   RUN        a suffix for the login emails, so the script can run again on the same data (default: now)
#
# Needs bash, curl and node (the project's own: run it as `npm run walkthrough`, or with any Node on PATH).
set -euo pipefail

B=${BASE_URL:-http://localhost:3000}
RUN=${RUN:-$(date +%s)$$}
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT

# call STATUS METHOD PATH [curl options...]: sends the request; the body is kept for `json`, the headers
# for `header`. Stops the script unless the answer has STATUS.
call() {
  local expected=$1 method=$2 path=$3 status
  shift 3
  status=$(curl -s -o "$OUT/body" -D "$OUT/headers" -w '%{http_code}' -X "$method" "$B$path" "$@") || {
    echo "FAIL $method $path: no answer from $B" >&2
    exit 1
  }
  if [ "$status" != "$expected" ]; then
    echo "FAIL $method $path: expected $expected, got $status" >&2
    cat "$OUT/body" >&2
    echo >&2
    exit 1
  fi
  echo "ok   $status $method $path" >&2
}

# json EXPR: a value of the last body (EXPR is JavaScript over the parsed body `b`); fails if undefined.
json() {
  node -e '
    const b = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const v = eval(process.argv[2]);
    if (v === undefined || v === null) { console.error(`FAIL: ${process.argv[2]} is ${v} in ${JSON.stringify(b)}`); process.exit(1); }
    process.stdout.write(typeof v === "string" ? v : JSON.stringify(v));
  ' "$OUT/body" "$1"
}

# check EXPR: stops the script unless EXPR (JavaScript over the last body `b`) is true.
check() {
  node -e '
    const b = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    if (!eval(process.argv[2])) { console.error(`FAIL: ${process.argv[2]} in ${JSON.stringify(b)}`); process.exit(1); }
  ' "$OUT/body" "$1"
  echo "ok   $1" >&2
}

# header NAME: a header of the last answer.
header() { grep -i "^$1:" "$OUT/headers" | head -1 | cut -d' ' -f2- | tr -d '\r\n'; }

JSON='content-type: application/json'

# ---------------------------------------------------------------------------------------------------
# Walkthrough (embedded default): sign up, sign in, practice, client, read your writes, If-Match
# ---------------------------------------------------------------------------------------------------

# Sign up and sign in (the password hash is kept outside the event log).
call 201 POST /auth/sign-up -H "$JSON" \
  -d '{"email":"ada.'$RUN'@example.com","password":"correct horse battery","firstName":"Ada","lastName":"Lovelace"}'
call 200 POST /auth/sign-in -H "$JSON" -d '{"email":"ada.'$RUN'@example.com","password":"correct horse battery"}'
AUTH="authorization: Bearer $(json b.accessToken)"

# A practice; its creator is its owner.
call 201 POST /practices -H "$AUTH" -H "$JSON" -d '{"name":"Calm Minds"}'
P=$(json b.practiceId)

# A client: only first and last name are required. The answer carries ETag (the chart revision) and
# X-Consistency-Token (the log position). A retry with the same Idempotency-Key returns the same answer.
call 201 POST /practices/$P/clients -H "$AUTH" -H "$JSON" -H 'Idempotency-Key: grace-1' \
  -d '{"firstName":"Grace","lastName":"Hopper","email":"grace@example.com"}'
C=$(json b.clientId); TOKEN_POS=$(header X-Consistency-Token)
call 201 POST /practices/$P/clients -H "$AUTH" -H "$JSON" -H 'Idempotency-Key: grace-1' \
  -d '{"firstName":"Grace","lastName":"Hopper","email":"grace@example.com"}'
check "b.clientId === '$C'"

# The same email on another client record of the practice, in any case: 409 EmailAlreadyInUse.
call 409 POST /practices/$P/clients -H "$AUTH" -H "$JSON" \
  -d '{"firstName":"Other","lastName":"Person","email":"GRACE@example.com"}'
check "b.code === 'EmailAlreadyInUse' && b.errors[0].pointer === '/email'"

# Read your own write: the list waits until the read models have applied that position.
call 200 GET "/practices/$P/clients?search=grace&status=Active&limit=50" -H "$AUTH" -H "X-Consistency-Token: $TOKEN_POS"
check "b.items.some((c) => c.clientId === '$C')"
call 200 GET /practices/$P/needs-attention -H "$AUTH"          # the new client: setup incomplete
check "b.items.some((i) => i.chartId === '$C')"

# Legal name, then setup complete (If-Match: the revision you saw; a stale one gives 412).
call 200 PUT /practices/$P/clients/$C/legal-name -H "$AUTH" -H 'If-Match: "0"' -H "$JSON" \
  -d '{"firstName":"Grace Brewster","lastName":"Hopper"}'
call 412 POST /practices/$P/clients/$C/setup/complete -H "$AUTH" -H 'If-Match: "0"'
check "b.code === 'RevisionMismatch' && b.currentRevision === 1"
call 200 POST /practices/$P/clients/$C/setup/complete -H "$AUTH" -H 'If-Match: "1"'
call 200 GET /practices/$P/charts/$C -H "$AUTH"                # the chart document
call 200 GET /practices/$P/charts/$C/history -H "$AUTH"        # every event: type, revision, time, actor, data
check "b.events.length === 3"
call 200 GET "/practices/$P/charts/$C/history?asOfRevision=0" -H "$AUTH"   # plus the chart as it stood then
check "b.stateAsOf !== undefined"
call 200 GET /health                                           # includes projection lag

# ---------------------------------------------------------------------------------------------------
# Client charts: an individual's record, a couple, a minor, a refused delete
# ---------------------------------------------------------------------------------------------------

# an individual's profile card and overview; a portal invitation makes the client Pending
call 200 PUT /practices/$P/clients/$C/profile -H "$AUTH" -H "$JSON" \
  -d '{"firstName":"Grace","lastName":"Hopper","email":"grace@example.com","phone":"(415) 555-0132"}'
call 200 PUT /practices/$P/clients/$C/overview -H "$AUTH" -H "$JSON" \
  -d '{"dateOfBirth":"1990-02-28","occupation":"Engineer"}'
call 200 POST /practices/$P/clients/$C/portal/invitation -H "$AUTH"
call 200 GET /practices/$P/charts/$C -H "$AUTH"                # card, age, stats

# a couple: one new member, one existing client; retry-safe with an Idempotency-Key
call 201 POST /practices/$P/group-charts -H "$AUTH" -H "$JSON" -H 'Idempotency-Key: couple-smith-1' \
  -d '{"kind":"couple","name":"The Smiths","members":[
        {"new":{"firstName":"Jane","lastName":"Smith","email":"jane@example.com"},"identifiedPatient":true},
        {"clientId":"'$C'","billingContact":true,"groupPortalAccess":true}]}'
COUPLE=$(json b.chartId)

# a minor: one new contact, one existing client as contact
call 201 POST /practices/$P/clients/minors -H "$AUTH" -H "$JSON" \
  -d '{"firstName":"Tim","lastName":"Smith","portalAccess":"guardian","contacts":[
        {"new":{"firstName":"Bob","lastName":"Smith","phone":"+44 20 7946 0958"},"relationship":"father","billing":true},
        {"clientId":"'$C'","relationship":"mother","receivesReminders":true}]}'
TIM=$(json b.clientId)

# Grace cannot be deleted while she is a member of the couple and a contact of the minor.
call 409 DELETE /practices/$P/clients/$C -H "$AUTH"
check "b.code === 'ClientLinkedToOtherCharts' && b.charts.some((c) => c.chartId === '$COUPLE') && b.charts.some((c) => c.chartId === '$TIM')"

# ---------------------------------------------------------------------------------------------------
# Practitioners and practices: invite, accept, switch, menu
# ---------------------------------------------------------------------------------------------------

# Olive, who owns another practice, invites Grace (a user of her own) as a clinician.
call 201 POST /auth/sign-up -H "$JSON" \
  -d '{"email":"olive.'$RUN'@example.com","password":"correct horse battery staple","firstName":"Olive","lastName":"Tester"}'
call 200 POST /auth/sign-in -H "$JSON" -d '{"email":"olive.'$RUN'@example.com","password":"correct horse battery staple"}'
OWNER="authorization: Bearer $(json b.accessToken)"
call 201 POST /auth/sign-up -H "$JSON" \
  -d '{"email":"grace.'$RUN'@example.com","password":"correct horse battery staple","firstName":"Grace","lastName":"Tester"}'
call 200 POST /auth/sign-in -H "$JSON" -d '{"email":"grace.'$RUN'@example.com","password":"correct horse battery staple"}'
GRACE="authorization: Bearer $(json b.accessToken)"

call 201 POST /practices -H "$OWNER" -H "$JSON" -d '{"name":"Quiet Harbour"}'
QH=$(json b.practiceId)
call 201 POST /practices/$QH/invitations -H "$OWNER" -H "$JSON" \
  -d '{"email":"grace.'$RUN'@example.com","role":"clinician"}'
INVITATION=$(json b.invitationId)

# Grace sees it and accepts with her existing login; the practice joins her other practices.
call 200 GET /me/invitations -H "$GRACE"
check "b.items.some((i) => i.invitationId === '$INVITATION')"
call 200 POST /invitations/$INVITATION/accept -H "$GRACE"

# She switches into it, and her menu shows the check mark and the most recent practices first.
call 201 POST /me/practice-switches -H "$GRACE" -H "$JSON" -d '{"practiceId":"'$QH'"}'
call 200 GET /me/menu -H "$GRACE" -H "X-Consistency-Token: $(header X-Consistency-Token)"
check "b.selectedPracticeId === '$QH' && b.recent[0].practiceId === '$QH' && b.recent[0].role === 'clinician'"
call 200 GET /me/practices -H "$GRACE"

# ---------------------------------------------------------------------------------------------------
# The client record: notes
# ---------------------------------------------------------------------------------------------------

# A note on Grace's chart, kept within the practice; its ETag is the note's own revision.
call 201 POST /practices/$P/charts/$C/notes -H "$AUTH" -H "$JSON" -H 'Idempotency-Key: note-grace-1' \
  -d '{"body":"Session 1. Anxiety at work; practised grounding.","sharedWithClient":false}'
NOTE=$(json b.noteId)

# Its author edits it (If-Match: the revision seen); every version is kept, a stale revision is 412.
call 200 PATCH /practices/$P/charts/$C/notes/$NOTE -H "$AUTH" -H 'If-Match: "0"' -H "$JSON" \
  -d '{"body":"Session 1. Anxiety at work; practised grounding. Homework: a sleep diary."}'
NOTE_POS=$(header X-Consistency-Token)
call 412 PATCH /practices/$P/charts/$C/notes/$NOTE -H "$AUTH" -H 'If-Match: "0"' -H "$JSON" -d '{"sharedWithClient":true}'
check "b.code === 'RevisionMismatch' && b.currentRevision === 1"
call 200 GET "/practices/$P/notes/awaiting-signature?limit=50" -H "$AUTH" -H "X-Consistency-Token: $NOTE_POS"
check "b.items.some((n) => n.noteId === '$NOTE' && n.body === undefined)"

# Signed, it cannot change (409 NoteAlreadySigned); an addendum amends it.
call 200 POST /practices/$P/charts/$C/notes/$NOTE/sign -H "$AUTH" -H 'If-Match: "1"'
call 409 PATCH /practices/$P/charts/$C/notes/$NOTE -H "$AUTH" -H "$JSON" -d '{"body":"Changed after signing"}'
check "b.code === 'NoteAlreadySigned'"
call 201 POST /practices/$P/charts/$C/notes/$NOTE/addenda -H "$AUTH" -H "$JSON" -d '{"body":"Late entry: client called to reschedule."}'
call 200 GET /practices/$P/charts/$C/notes/$NOTE -H "$AUTH" -H "X-Consistency-Token: $(header X-Consistency-Token)"
check "b.status === 'signed' && b.versions === 2 && b.addenda.length === 1"
call 200 GET /practices/$P/charts/$C/notes/$NOTE/history -H "$AUTH"    # every version: who, when, what
check "b.events.map((e) => e.type).join() === 'NoteWritten,NoteEdited,NoteSigned,NoteAddendumAdded'"
call 200 GET /practices/$P/charts/$C/notes -H "$AUTH"                  # newest first; bodies only with notes:read
call 200 GET /practices/$P/charts/$C -H "$AUTH"                        # the chart's notes: total, awaitingSignature
check "b.notes.total === 1 && b.notes.awaitingSignature === 0"
call 200 GET /practices/$P/charts/$C/reads -H "$AUTH"                  # the note reads are in the chart's read log
check "b.reads.some((r) => r.view === 'note') && b.reads.some((r) => r.view === 'note-history')"

# ---------------------------------------------------------------------------------------------------
# The client record: diagnosis codes and a superbill
# ---------------------------------------------------------------------------------------------------

# Diagnosis codes (ICD-10-CM, in order) on Grace's chart: clinicians, owners and admins record them.
call 200 PUT /practices/$P/charts/$C/diagnosis-codes -H "$AUTH" -H "$JSON" -d '{"codes":["f41.1","Z63.0"]}'
CODES_POS=$(header X-Consistency-Token)
call 422 PUT /practices/$P/charts/$C/diagnosis-codes -H "$AUTH" -H "$JSON" -d '{"codes":["F41.1","41.1"]}'
check "b.code === 'InvalidDiagnosisCode' && b.errors[0].pointer === '/codes/1'"
call 200 GET /practices/$P/charts/$C -H "$AUTH" -H "X-Consistency-Token: $CODES_POS"
check "b.diagnosisCodes.join() === 'F41.1,Z63.0'"

# Her superbill for a period: JSON by default, the PDF with Accept: application/pdf. Legal names
# (hers, and the practitioners') are printed here and nowhere else.
call 200 GET "/practices/$P/charts/$C/superbill?from=2026-01-01&to=2026-03-31" -H "$AUTH"
check "b.client.name.firstName === 'Grace Brewster' && b.client.dateOfBirth === '1990-02-28' && b.diagnosisCodes[0] === 'F41.1'"
call 200 GET "/practices/$P/charts/$C/superbill?from=2026-01-01&to=2026-03-31" -H "$AUTH" -H 'Accept: application/pdf'
test "$(head -c 5 "$OUT/body")" = '%PDF-'
call 422 GET "/practices/$P/charts/$C/superbill?from=2026-03-31&to=2026-01-01" -H "$AUTH"
check "b.code === 'InvalidPeriod' && b.errors[0].parameter === 'to'"

# A couple's superbill shows its Identified Patient (Jane), whose own chart holds her details.
call 200 GET "/practices/$P/charts/$COUPLE/superbill?from=2026-01-01&to=2026-03-31" -H "$AUTH"
check "b.kind === 'group' && b.client.name.firstName === 'Jane' && b.group.name === 'The Smiths'"

# ---------------------------------------------------------------------------------------------------
# Messages: the invitation email in the outbox
# ---------------------------------------------------------------------------------------------------

# Olive invites Ada by email: the workflow queues the email, the dispatcher writes it to DATA_DIR/outbox.
call 201 POST /practices/$QH/invitations -H "$OWNER" -H "$JSON" \
  -d '{"email":"ada.'$RUN'@example.com","role":"scheduler"}'
call 200 GET "/practices/$QH/messages?limit=50" -H "$OWNER"       # queued, then sent (status, attempts)
call 200 GET "/practices/$QH/messages?status=parked" -H "$OWNER"  # what an operator retries
call 200 GET /dev/outbox -H "$OWNER"                              # the .eml files (SMTP_URL unset)
call 200 GET /health                                              # outbox: queued, sent, failed, parked, lag

echo "walkthrough: every answer as expected ($B)" >&2
