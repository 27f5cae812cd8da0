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
# The client record: billing data, charges, payments and the balance
# ---------------------------------------------------------------------------------------------------

# A service of the catalogue (money in minor units: 15000 is 150.00 USD).
call 201 POST /practices/$P/services -H "$AUTH" -H "$JSON" \
  -d '{"name":"Psychotherapy, 60 min","code":"90837","durationMinutes":60,"rate":{"amount":15000,"currency":"USD"}}'
SERVICE=$(json b.serviceId)
call 200 GET /practices/$P/charts/$TIM -H "$AUTH" -H "X-Consistency-Token: $(header X-Consistency-Token)"
BOB=$(json "b.contacts.find((c) => c.firstName === 'Bob').contactId")

# Tim's billing settings: insurance, the default service, billed to his father Bob; Bob's policy covers him.
call 200 PUT /practices/$P/charts/$TIM/billing-settings -H "$AUTH" -H "$JSON" \
  -d '{"payer":"insurance","defaultServiceId":"'$SERVICE'","billTo":"contact","billingContactId":"'$BOB'"}'
call 201 POST /practices/$P/charts/$TIM/insurance-policies -H "$AUTH" -H "$JSON" \
  -d '{"rank":"primary","payerName":"Aetna","payerId":"60054","memberId":"W123456789","subscriberRelationship":"child",
       "subscriberName":{"firstName":"Bob","lastName":"Smith"},"subscriberDateOfBirth":"1980-03-04","effectiveFrom":"2024-01-01"}'
call 200 GET /practices/$P/charts/$TIM/billing-settings -H "$AUTH"
check "b.settings.billingContactId === '$BOB' && b.insurance.policies[0].payerName === 'Aetna'"

# The practice's late-cancel and no-show fees.
call 200 PUT /practices/$P/settings -H "$AUTH" -H "$JSON" \
  -d '{"lateCancelFee":{"amount":5000,"currency":"USD"},"noShowFee":{"amount":7500,"currency":"USD"}}'

# A session at the default service's rate, completed: charged 150.00; then a no-show: charged 75.00.
call 200 GET /me -H "$AUTH"
ADA=$(json b.userId)
call 201 POST /practices/$P/charts/$TIM/appointments -H "$AUTH" -H "$JSON" \
  -d '{"start":"2025-01-06T10:00:00Z","durationMinutes":60,"practitionerId":"'$ADA'"}'
SESSION=$(json b.appointmentId)
call 200 POST /practices/$P/charts/$TIM/appointments/$SESSION/complete -H "$AUTH"
call 201 POST /practices/$P/charts/$TIM/appointments -H "$AUTH" -H "$JSON" \
  -d '{"start":"2025-01-13T10:00:00Z","durationMinutes":60,"practitionerId":"'$ADA'"}'
call 200 POST /practices/$P/charts/$TIM/appointments/$(json b.appointmentId)/no-show -H "$AUTH"

# Bob pays 200.00 by card, 150.00 of it to the session (the rest is a credit); 20.00 is refunded.
call 201 POST /practices/$P/charts/$TIM/payments -H "$AUTH" -H "$JSON" \
  -d '{"amount":20000,"currency":"USD","method":"card","date":"2025-01-14","reference":"Visa 4242","applications":[{"chargeId":"'$SESSION'","amount":15000}]}'
PAYMENT=$(json b.paymentId)
call 201 POST /practices/$P/charts/$TIM/payments/$PAYMENT/refunds -H "$AUTH" -H "$JSON" -d '{"amount":2000,"date":"2025-01-15"}'

# The Payments tab, the ledger (charges − payments + refunds: 225.00 − 200.00 + 20.00) and open balances.
call 200 GET /practices/$P/charts/$TIM/payments -H "$AUTH" -H "X-Consistency-Token: $(header X-Consistency-Token)"
check "b.items[0].paymentId === '$PAYMENT' && b.items[0].refunded === 2000"
call 200 GET /practices/$P/charts/$TIM/ledger -H "$AUTH"
check "b.totals.balance === 4500 && b.charges.map((c) => c.kind).join() === 'session,no-show'"
call 200 GET /practices/$P/balances/open -H "$AUTH"
check "b.items.some((i) => i.chartId === '$TIM' && i.balance === 4500)"
call 200 GET /practices/$P/charts/$TIM -H "$AUTH"                # stats.noShow 1, balance
check "b.stats.noShow === 1 && b.balance.balance === 4500"

# ---------------------------------------------------------------------------------------------------
# The client record: tasks and document requests
# ---------------------------------------------------------------------------------------------------

# Homework for Grace, due in the past: it is overdue at once, on the practice's list and on her chart.
call 201 POST /practices/$P/charts/$C/tasks -H "$AUTH" -H "$JSON" \
  -d '{"title":"Thought record","description":"Three entries this week","dueDate":"2024-01-15"}'
TASK=$(json b.taskId)
call 200 GET /practices/$P/tasks/overdue -H "$AUTH" -H "X-Consistency-Token: $(header X-Consistency-Token)"
check "b.items.some((t) => t.taskId === '$TASK' && t.overdue)"
call 200 GET /practices/$P/charts/$C -H "$AUTH"
check "b.tasks.open === 1 && b.tasks.overdue === 1"

# A new due date (If-Match: the task's revision), then done: completed by this member of the practice.
call 200 PUT /practices/$P/charts/$C/tasks/$TASK -H "$AUTH" -H "$JSON" -H 'If-Match: "0"' \
  -d '{"title":"Thought record","description":"Three entries this week","dueDate":"2999-01-15"}'
call 200 POST /practices/$P/charts/$C/tasks/$TASK/complete -H "$AUTH"
call 200 GET "/practices/$P/charts/$C/tasks?status=done" -H "$AUTH" -H "X-Consistency-Token: $(header X-Consistency-Token)"
check "b.items[0].taskId === '$TASK' && b.items[0].completedBy.kind === 'staff'"

# Tim's homework goes to his father, a contact of his chart; the couple's to one member, never the chart.
call 200 GET /practices/$P/charts/$TIM -H "$AUTH"
BOB=$(json "b.contacts.find((c) => c.firstName === 'Bob').contactId")
call 201 POST /practices/$P/charts/$TIM/tasks -H "$AUTH" -H "$JSON" \
  -d '{"title":"Sleep diary","dueDate":"2999-02-01","assignee":{"kind":"contact","contactId":"'$BOB'"}}'
call 422 POST /practices/$P/charts/$COUPLE/tasks -H "$AUTH" -H "$JSON" -d '{"title":"Date night","dueDate":"2999-02-01"}'
check "b.code === 'InvalidAssignee' && b.errors[0].field === 'assignee.kind'"
call 201 POST /practices/$P/charts/$COUPLE/tasks -H "$AUTH" -H "$JSON" \
  -d '{"title":"Date night","dueDate":"2999-02-01","assignee":{"kind":"member","clientId":"'$C'"}}'

# Paperwork requested from the couple's chart stays there: it is not on Grace's own chart.
call 201 POST /practices/$P/charts/$COUPLE/document-requests -H "$AUTH" -H "$JSON" \
  -d '{"title":"Couple intake questionnaire","message":"Please fill this in together"}'
REQUEST=$(json b.requestId)
call 200 GET /practices/$P/charts/$C/document-requests -H "$AUTH" -H "X-Consistency-Token: $(header X-Consistency-Token)"
check "!b.items.some((r) => r.requestId === '$REQUEST')"
call 200 GET /practices/$P/charts/$COUPLE -H "$AUTH"
check "b.documentRequests.open === 1"
call 200 POST /practices/$P/charts/$COUPLE/document-requests/$REQUEST/complete -H "$AUTH"

# ---------------------------------------------------------------------------------------------------
# The client record: Files (README "The client record" > "Files"), on Grace's chart $C of the first part
# ---------------------------------------------------------------------------------------------------

# A document for Grace's chart: multipart/form-data, one part named file; its type is read from its bytes.
printf '%%PDF-1.7\n%% intake form\n' > "$OUT/intake.pdf"
call 201 POST /practices/$P/charts/$C/files -H "$AUTH" -F "file=@$OUT/intake.pdf;type=application/pdf;filename=Intake form.pdf"
FILE=$(json b.fileId)
check "b.contentType === 'application/pdf' && b.fileName === 'Intake form.pdf' && b.sha256.length === 64"
call 200 GET "/practices/$P/charts/$C/files?limit=10" -H "$AUTH" -H "X-Consistency-Token: $(header X-Consistency-Token)"
check "b.items.some((f) => f.fileId === '$FILE')"

# The download streams the bytes as an attachment, never cached, and is recorded as a read of the chart.
call 200 GET /practices/$P/charts/$C/files/$FILE -H "$AUTH"
cmp -s "$OUT/body" "$OUT/intake.pdf" || { echo "FAIL: the download is not the uploaded file" >&2; exit 1; }
header Content-Disposition | grep -q "^attachment; .*filename\*=UTF-8''Intake%20form.pdf" || { echo "FAIL: Content-Disposition" >&2; exit 1; }
call 200 GET /practices/$P/charts/$C/reads -H "$AUTH"
check "b.reads.some((r) => r.view === 'file')"

# Bytes that are not what they say they are: 415, nothing appended, nothing kept.
printf 'MZ\x90\x00 not a PDF at all' > "$OUT/fake.pdf"
call 415 POST /practices/$P/charts/$C/files -H "$AUTH" -F "file=@$OUT/fake.pdf;type=application/pdf"
check "b.code === 'UnsupportedFileType' && b.errors[0].pointer === '/file'"

# Her profile picture: an image uploaded to her chart, then set as the photo of her profile card.
printf 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==' | base64 -d > "$OUT/grace.png"
call 201 POST /practices/$P/charts/$C/files -H "$AUTH" -F "file=@$OUT/grace.png;type=image/png"
PHOTO=$(json b.fileId)
call 200 PUT /practices/$P/clients/$C/photo -H "$AUTH" -H "$JSON" -d '{"fileId":"'$PHOTO'"}'
call 200 GET /practices/$P/charts/$C -H "$AUTH" -H "X-Consistency-Token: $(header X-Consistency-Token)"
check "b.profile.photoRef === '/practices/$P/charts/$C/files/$PHOTO'"

# Delete hides the file (If-Match: the file's revision); the bytes are kept.
call 200 DELETE /practices/$P/charts/$C/files/$FILE -H "$AUTH" -H 'If-Match: "0"'
call 404 GET /practices/$P/charts/$C/files/$FILE -H "$AUTH"

# ---------------------------------------------------------------------------------------------------
# Exports, change feed and the CLI: a consistent cut, resume by cursor, changes since, the audit
# ---------------------------------------------------------------------------------------------------

# ndjson EXPR: JavaScript over the lines `l` of the last NDJSON body; prints a value, stops the script on false.
ndjson() {
  node -e '
    const l = require("fs").readFileSync(process.argv[1], "utf8").split("\n").filter(Boolean).map((x) => JSON.parse(x));
    const v = eval(process.argv[2]);
    if (v === undefined || v === null || v === false) { console.error(`FAIL: ${process.argv[2]}`); process.exit(1); }
    if (v !== true) process.stdout.write(typeof v === "string" ? v : JSON.stringify(v));
  ' "$OUT/body" "$1"
}

# The clients as NDJSON: a `cut` line (the log position the rows reflect), one `row` line each, an `end` line.
call 200 GET /practices/$P/exports/clients -H "$AUTH"
CUT=$(header X-Export-Position)
ndjson "l[0].type === 'cut' && l[0].position === $CUT && l.at(-1).type === 'end' && l.some((x) => x.type === 'row' && x.data.id === '$C')"
# The same cut as CSV; then two rows at a time: the end line's nextCursor goes on at the same cut.
call 200 GET "/practices/$P/exports/clients?position=$CUT" -H "$AUTH" -H 'Accept: text/csv'
call 200 GET "/practices/$P/exports/clients?position=$CUT&limit=2" -H "$AUTH"
NEXT=$(ndjson "l.at(-1).nextCursor")
call 200 GET "/practices/$P/exports/clients?cursor=$NEXT" -H "$AUTH"
ndjson "l[0].position === $CUT && l.at(-1).rows > 0"
call 200 GET "/practices/$P/exports/appointments?format=csv" -H "$AUTH"
call 200 GET /practices/$P/exports/payments -H "$AUTH"            # Tim's payment: amounts in minor units
ndjson "l.some((x) => x.type === 'row' && x.data.chartId === '$TIM' && x.data.amount === 20000 && x.data.refunded === 2000)"

# The change feed: every client row once, then only what changed since `nextSince`.
call 200 GET "/practices/$P/changes/clients?limit=50" -H "$AUTH"
check "b.changes.some((c) => c.id === '$C') && b.nextCursor === null"
SINCE=$(json b.nextSince)
call 200 PUT /practices/$P/clients/$TIM/legal-name -H "$AUTH" -H "$JSON" -d '{"firstName":"Timothy","lastName":"Smith"}'
call 200 GET "/practices/$P/changes/clients?since=$SINCE" -H "$AUTH" -H "X-Consistency-Token: $(header X-Consistency-Token)"
check "b.changes.length === 1 && b.changes[0].id === '$TIM' && b.changes[0].document.legalName.firstName === 'Timothy'"

# Every export and feed read is on the practice's audit record (owners and admins).
call 200 GET /practices/$P/audit/exports -H "$AUTH"
check "b.items.some((r) => r.kind === 'export' && r.dataset === 'clients' && r.position === $CUT && r.status === 'completed')"

# ---------------------------------------------------------------------------------------------------
# Reporting: the read models' schemas, reports as JSON and CSV, who read them
# ---------------------------------------------------------------------------------------------------

# Every read model collection with its indexes, and its JSON Schema (generated from its TypeScript type).
call 200 GET /read-models -H "$AUTH"
check "b.items.some((m) => m.name === 'reports' && m.indexes.length > 0)"
call 200 GET /read-models/clients/schema -H "$AUTH"
check "b.schema.properties.status.enum.includes('Pending')"

# Ada's practice by day: counts kept by the projector as events arrive (dates in the practice time zone).
TODAY=$(date -u +%F)
call 200 GET "/practices/$P/reports/client-status?from=$TODAY&to=$TODAY&granularity=day" -H "$AUTH"
check "b.columns.join() === 'period,active,pending,inactive' && b.rows.length === 1"
call 200 GET "/practices/$P/reports/new-clients?from=$TODAY&to=$TODAY&granularity=month" -H "$AUTH" -H 'Accept: text/csv'
call 422 GET "/practices/$P/reports/new-clients?from=yesterday&to=$TODAY" -H "$AUTH"
check "b.code === 'InvalidReportParameter' && b.errors[0].parameter === 'from'"

# Every report read is recorded for auditors: who, which report, the parameters, the format, when.
call 200 GET /practices/$P/report-reads -H "$AUTH"
check "b.items.some((r) => r.report === 'new-clients' && r.format === 'csv')"

# Tim's money in January 2025 (minor units): charges, payments by method, refunds, net; then by clinician.
call 200 GET "/practices/$P/reports/revenue?from=2025-01-01&to=2025-01-31&granularity=month" -H "$AUTH"
check "b.rows[0].charged === 22500 && b.rows[0].paidCard === 20000 && b.rows[0].refunded === 2000 && b.rows[0].net === 18000"
call 200 GET "/practices/$P/reports/revenue-by-clinician?from=2025-01-01&to=2025-01-31" -H "$AUTH" -H 'Accept: text/csv'

# Owed as of 31 March 2025, by the age of each unpaid charge: the no-show fee, 61-90 days old, less Bob's credit.
call 200 GET "/practices/$P/reports/outstanding?from=2025-03-31&to=2025-03-31" -H "$AUTH"
check "b.rows.at(-1).days61to90 === 7500 && b.rows.at(-1).unappliedCredit === 3000 && b.rows.at(-1).balance === 4500"

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

# ---------------------------------------------------------------------------------------------------
# Messages: the daily digest's time zone
# ---------------------------------------------------------------------------------------------------

# Olive's daily digest comes at 07:00 in her own time zone (null: her practice's, else UTC).
call 200 PUT /me/time-zone -H "$OWNER" -H "$JSON" -d '{"timeZone":"America/New_York"}'
call 200 GET /me -H "$OWNER" -H "x-consistency-token: $(header x-consistency-token)"
check "b.timeZone === 'America/New_York' && b.digestTimeZone === 'America/New_York'"
call 400 PUT /me/time-zone -H "$OWNER" -H "$JSON" -d '{"timeZone":"Mars/Olympus_Mons"}'
call 200 PUT /me/time-zone -H "$OWNER" -H "$JSON" -d '{"timeZone":null}'

echo "walkthrough: every answer as expected ($B)" >&2
