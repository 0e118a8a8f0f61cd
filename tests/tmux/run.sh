#!/usr/bin/env bash
# Runs the real irview binary in tmux, sends keys, captures the pane and checks it: panels,
# search, the facts pane, help, a resize to tiny and back, and that quitting restores the shell.
set -euo pipefail
cd "$(dirname "$0")/../.."

cargo build --release --quiet
BIN="$PWD/target/release/irview"
SOCK="irview-test-$$"
# remembered positions and marks, and any config, must not leak in from the user's own folders
SCRATCH="/tmp/irview-tmux-$$"
mkdir -p "$SCRATCH"
export XDG_STATE_HOME="$SCRATCH/state" XDG_CONFIG_HOME="$SCRATCH/config"
T="tmux -L $SOCK"
fail() { echo "tmux test FAILED: $*"; echo "--- pane ---"; $T capture-pane -p -t irv || true; $T kill-server 2>/dev/null || true; exit 1; }
expect() { # expect TEXT [tries]: wait until the pane shows TEXT
  local i
  for i in $(seq 1 "${2:-40}"); do
    if $T capture-pane -p -t irv | grep -qF -- "$1"; then return 0; fi
    sleep 0.1
  done
  fail "pane does not show: $1"
}
REPLAY=""
trap '$T kill-server 2>/dev/null || true; if [ -n "$REPLAY" ]; then kill "$REPLAY" 2>/dev/null || true; fi; rm -rf "$SCRATCH"' EXIT
# a session that outlives the others, so the server never exits between two of them
$T -f /dev/null new-session -d -s keep "sleep 600"

$T -f /dev/null new-session -d -x 100 -y 30 -s irv "env TERM=xterm-256color XDG_STATE_HOME=$XDG_STATE_HOME XDG_CONFIG_HOME=$XDG_CONFIG_HOME $BIN; echo IRVIEW-EXIT=\$?; sleep 60"
expect "Sonus Networks Provides Update"
expect "DEADLINES"
expect "2004-03-29 08:30 ET +0d"
$T send-keys -t irv 3;            expect "Codes    21190372"
$T send-keys -t irv 5;            expect "Jocelyn Philbrook"
$T send-keys -t irv 2;            expect "Hassan Ahmed"
$T send-keys -t irv 8 / n a s d a q; expect "/nasdaq"
$T send-keys -t irv Enter n;      expect "/nasdaq  2/"
# (a pause after Esc, or the terminal reads Esc+key as Alt+key)
$T send-keys -t irv Escape; sleep 0.3
$T send-keys -t irv '?';          expect "Keys"
$T send-keys -t irv Escape; sleep 0.3
$T send-keys -t irv f j Enter;    expect "available through April 12, 2004"
$T resize-window -t irv -x 30 -y 8;   expect "Terminal too small"
$T resize-window -t irv -x 100 -y 30; expect "Sonus Networks Provides Update"
$T resize-window -t irv -x 80 -y 24;  expect "1 Status"
$T send-keys -t irv q;            expect "IRVIEW-EXIT=0"
# the place was remembered, atomically (no temp file left behind)
grep -q '"positions"' "$XDG_STATE_HOME/irview/state.json" || fail "position not remembered"
ls -a "$XDG_STATE_HOME/irview" | grep -q '\.tmp$' && fail "temp file left behind"
# the alternate screen is gone: the shell's own output is back
$T capture-pane -p -t irv | grep -q "Sonus Networks Provides Update" && fail "screen not restored after quit"

# an error before the screen opens is one line and exit code 2, no alternate screen
$T kill-session -t irv
$T -f /dev/null new-session -d -x 100 -y 30 -s irv "$BIN /no/such/file; echo IRVIEW-EXIT=\$?; sleep 60"
expect "irview: /no/such/file: no such file"
expect "IRVIEW-EXIT=2"

# hostile bytes never reach the terminal: the title stays, no OSC/CSI is acted on
printf 'EVIL--(BUSINESS WIRE)--May 5, 2024--Evil Corp. \033]0;PWNED\007 \033[2J \033]52;c;ZXZpbA==\007 said hi.\n' > "/tmp/irview-evil-$$.txt"
$T kill-session -t irv
$T -f /dev/null new-session -d -x 100 -y 30 -s irv "env XDG_STATE_HOME=$XDG_STATE_HOME $BIN /tmp/irview-evil-$$.txt; echo IRVIEW-EXIT=\$?; sleep 60"
expect "Evil Corp."
title=$($T display-message -p -t irv '#{pane_title}')
[ "$title" != "PWNED" ] || fail "escape sequence from the release set the window title"
$T send-keys -t irv q
expect "IRVIEW-EXIT=0"
rm -f "/tmp/irview-evil-$$.txt"

# the release list: rows fill in, Enter opens, Esc returns, m marks (state in a scratch folder)
LIST="/tmp/irview-list-$$"
mkdir -p "$LIST/releases"
cp assets/sonus-networks-2004-03-29.txt "$LIST/releases/"
printf 'Acme Reports Results\n\nACME, Ohio--(BUSINESS WIRE)--May 5, 2024--Acme Corp. (NYSE: ACM) said the replay is available through June 30, 2024.\n' > "$LIST/releases/acme.txt"
$T kill-session -t irv
$T -f /dev/null new-session -d -x 120 -y 30 -s irv "XDG_STATE_HOME=$LIST/state XDG_CONFIG_HOME=$LIST/config $BIN $LIST/releases; echo IRVIEW-EXIT=\$?; sleep 60"
expect "2 releases"
expect "Acme Corp."
$T send-keys -t irv Enter;        expect "Acme Reports Results"
$T send-keys -t irv Escape;       expect "2 releases"
$T send-keys -t irv m;            expect "Marked reviewed"
$T send-keys -t irv t;            expect "all deadlines"
$T send-keys -t irv Escape; sleep 0.3
$T send-keys -t irv q;            expect "IRVIEW-EXIT=0"
grep -q reviewed "$LIST/state/irview/state.json" || fail "the mark was not saved"

# a row that never finishes loading (a FIFO nobody writes) does not block: Enter says it is
# loading, the list keeps answering, q quits
mkfifo "$LIST/slow.txt"
$T kill-session -t irv
$T -f /dev/null new-session -d -x 120 -y 30 -s irv "XDG_STATE_HOME=$LIST/state XDG_CONFIG_HOME=$LIST/config $BIN $LIST/releases/acme.txt $LIST/slow.txt; echo IRVIEW-EXIT=\$?; sleep 60"
expect "Acme Corp."
$T send-keys -t irv G Enter;      expect "Loading"
$T send-keys -t irv g;            expect "Acme Corp."
$T send-keys -t irv Enter;        expect "Acme Reports Results"
$T send-keys -t irv Escape; sleep 0.3
$T send-keys -t irv q;            expect "IRVIEW-EXIT=0"

# signals: in a real shell, Ctrl-Z suspends (the shell's prompt is back, the screen restored) and
# fg redraws; an external SIGTSTP does the same; SIGTERM restores the terminal (no alternate
# screen, no mouse reporting) and exits 128+15
$T kill-session -t irv
$T -f /dev/null new-session -d -x 100 -y 30 -s irv "env -i PATH=$PATH HOME=$SCRATCH HISTFILE=/dev/null TERM=xterm-256color XDG_STATE_HOME=$XDG_STATE_HOME XDG_CONFIG_HOME=$XDG_CONFIG_HOME PS1='sh\$ ' bash --norc --noprofile -i"
sleep 0.3
$T send-keys -t irv "$BIN" Enter; expect "Sonus Networks Provides Update"
[ "$($T display-message -p -t irv '#{alternate_on}#{mouse_any_flag}')" = "11" ] || fail "alternate screen and mouse not on"
$T send-keys -t irv C-z;          expect "Stopped"
[ "$($T display-message -p -t irv '#{alternate_on}#{mouse_any_flag}')" = "00" ] || fail "terminal not restored on Ctrl-Z"
$T send-keys -t irv "fg" Enter;   expect "Sonus Networks Provides Update"
$T send-keys -t irv 5;            expect "Jocelyn Philbrook"
[ "$($T display-message -p -t irv '#{alternate_on}#{mouse_any_flag}')" = "11" ] || fail "terminal not taken back after fg"
PANE=$($T display-message -p -t irv '#{pane_pid}')
IRV=$(pgrep -P "$PANE" | head -1)
[ -n "$IRV" ] || fail "no irview process under the shell"
kill -TSTP "$IRV";                expect "Stopped"
[ "$($T display-message -p -t irv '#{alternate_on}')" = "0" ] || fail "terminal not restored on SIGTSTP"
$T send-keys -t irv "fg" Enter;   expect "Jocelyn Philbrook"
kill -TERM "$IRV"
sleep 0.5
$T send-keys -t irv 'echo IRVIEW-EXIT=$?' Enter; expect "IRVIEW-EXIT=143"
[ "$($T display-message -p -t irv '#{alternate_on}#{mouse_any_flag}')" = "00" ] || fail "terminal not restored on SIGTERM"
# `-` with the terminal as standard input is refused before the screen opens
$T send-keys -t irv "$BIN -; echo IRVIEW-EXIT=\$?" Enter; expect "standard input is a terminal"
expect "IRVIEW-EXIT=2"
rm -rf "$LIST"

# EDGAR against a local server replaying recorded responses (tests/fixtures/): the list opens
# before the slower filing is served (its row says "fetching…"), a row still fetching opens as
# "Loading" and then by itself, a filing opens, a watched feed adds an item published while the
# list is open, and the second run works with the server gone (the cache answers)
if command -v python3 >/dev/null 2>&1; then
  NET="/tmp/irview-net-$$"
  mkdir -p "$NET/config/irview"
  SLOW="/Archives/edgar/data/320193/000032019325000077/0000320193-25-000077.txt"
  REPLAY_DELAY="$SLOW=4" REPLAY_NEW_ITEM=1 python3 tests/tmux/replay.py > "$NET/port" &
  REPLAY=$!
  for i in $(seq 1 50); do [ -s "$NET/port" ] && break; sleep 0.1; done
  PORT=$(head -1 "$NET/port")
  [ -n "$PORT" ] || fail "replay server did not start"
  printf '{ "feeds": [ { "name": "Replay wire", "url": "http://127.0.0.1:%s/wire/rss.xml" } ], "poll_secs": 1 }\n' "$PORT" > "$NET/config/irview/config.json"
  NETENV="TERM=xterm-256color XDG_STATE_HOME=$NET/state XDG_CONFIG_HOME=$NET/config XDG_CACHE_HOME=$NET/cache IRVIEW_USER_AGENT='irview tests irview-tests@example.com' IRVIEW_EDGAR_URL=http://127.0.0.1:$PORT IRVIEW_EDGAR_DATA_URL=http://127.0.0.1:$PORT"
  $T kill-session -t irv
  $T -f /dev/null new-session -d -x 120 -y 30 -s irv "env $NETENV $BIN edgar AAPL; echo IRVIEW-EXIT=\$?; sleep 60"
  expect "2 releases" 30
  expect "Abvc Biopharma" 30
  expect "fetching…" 10
  expect "fetched 1/2"
  # rows stand newest first: the filing still fetching (2025-10-30) above the one in (2025-04-15)
  $T send-keys -t irv g Enter;      expect "Loading 8-K 2025-10-30"
  expect "Nvidia Corp" 80
  expect "1 Status"
  $T send-keys -t irv Escape;       expect "2 releases"
  $T capture-pane -p -t irv | grep -qF "fetching" && fail "a row still says fetching once every document is in"
  $T send-keys -t irv / a b v c Enter Enter; expect "NON-RELIANCE"
  expect "8-K 2026-01-29"
  $T send-keys -t irv Escape;       expect "2 releases (1 shown)"
  $T send-keys -t irv q;            expect "IRVIEW-EXIT=0"
  $T kill-session -t irv
  $T -f /dev/null new-session -d -x 120 -y 30 -s irv "env $NETENV $BIN feeds; echo IRVIEW-EXIT=\$?; sleep 60"
  expect "Southern Company" 100
  expect "1 releases"
  expect "Beyond Cancer" 100
  expect "2 releases"
  $T capture-pane -p -t irv | grep -qF "PWNED" && fail "a feed title's escape sequence reached the screen"
  $T send-keys -t irv q;            expect "IRVIEW-EXIT=0"
  $T kill-session -t irv
  $T -f /dev/null new-session -d -x 120 -y 30 -s irv "env $NETENV $BIN edgar --latest; echo IRVIEW-EXIT=\$?; sleep 60"
  # every filing of the feed has its row; those the replay does not hold say why
  expect "13 releases" 100
  expect "Abvc Biopharma" 100
  expect "not found (404)" 100
  $T send-keys -t irv q;            expect "IRVIEW-EXIT=0"
  kill "$REPLAY" 2>/dev/null || true
  wait "$REPLAY" 2>/dev/null || true
  $T kill-session -t irv
  $T -f /dev/null new-session -d -x 120 -y 30 -s irv "env $NETENV $BIN edgar AAPL; echo IRVIEW-EXIT=\$?; sleep 60"
  expect "Abvc Biopharma" 100
  $T send-keys -t irv q;            expect "IRVIEW-EXIT=0"
  # without a User-Agent: one line, no screen
  $T kill-session -t irv
  $T -f /dev/null new-session -d -x 120 -y 30 -s irv "env -u IRVIEW_USER_AGENT XDG_CONFIG_HOME=$NET/config XDG_CACHE_HOME=$NET/empty $BIN edgar MSFT; echo IRVIEW-EXIT=\$?; sleep 60"
  expect "IRVIEW_USER_AGENT"
  expect "IRVIEW-EXIT=2"
  rm -rf "$NET"
else
  echo "python3 not installed: the EDGAR part of the tmux test skipped"
fi

# the compare screen: c in the viewer, against the same issuer's previous release of the list
CORPUS="${IRVIEW_CORPUS:-../shared/corpus}"
if [ -f "$CORPUS/2011-apple-q1-fy11-earnings-ex99-1.htm" ]; then
  CMP="/tmp/irview-cmp-$$"
  mkdir -p "$CMP/r"
  cp "$CORPUS/2011-apple-q1-fy11-earnings-ex99-1.htm" "$CORPUS/2024-apple-q1-fy24-earnings-ex99-1.htm" "$CORPUS/2014-oracle-q4-fy14-earnings-ex99-1.htm" "$CMP/r/"
  $T kill-session -t irv
  $T -f /dev/null new-session -d -x 120 -y 30 -s irv "env TERM=xterm-256color XDG_STATE_HOME=$CMP/state XDG_CONFIG_HOME=$CMP/config $BIN $CMP/r; echo IRVIEW-EXIT=\$?; sleep 60"
  expect "3 releases"
  expect "Apple reports first quarter"
  $T send-keys -t irv G Enter;      expect "Apple reports first quarter"
  $T send-keys -t irv c;            expect "Compare: 2011-01-18"
  expect "revenue (quarter)"
  expect "\$26.74 billion   \$119.6 billion  +347.3%"
  expect "net income (quarter)"
  expect "STATUS UPDATE"
  $T send-keys -t irv Escape;       expect "CUPERTINO, CALIFORNIA"
  $T send-keys -t irv q;            expect "IRVIEW-EXIT=0"
  rm -rf "$CMP"
else
  echo "corpus not found: the compare part of the tmux test skipped"
fi

# a morning's triage: filter by a flag, calls today, open one, copy the dial-in, mark it and move on
TRI="$SCRATCH/triage"
mkdir -p "$TRI/r"
TODAY=$(date +"%B %-d, %Y")
printf 'Acme Robotics Schedules Conference Call\n\nAUSTIN, Texas--(BUSINESS WIRE)--%s--Acme Robotics, Inc. (NASDAQ: ACRB) will host a conference call today, %s, at 5:00 p.m. Eastern Time. Participants may dial 1-888-555-0142, passcode 7734219.\n' "$TODAY" "$TODAY" > "$TRI/r/call.txt"
printf 'Zeta Corp. Announces Non-Reliance\n\nDALLAS--(BUSINESS WIRE)--%s--Zeta Corp. (NYSE: ZTA) said its previously issued financial statements should no longer be relied upon.\n' "$TODAY" > "$TRI/r/nonreliance.txt"
printf 'Beta Bancorp Declares Dividend\n\nHARTFORD, Conn.--(BUSINESS WIRE)--%s--Beta Bancorp, Inc. (NYSE: BTA) declared a quarterly cash dividend of $0.35 per share.\n' "$TODAY" > "$TRI/r/dividend.txt"
$T kill-session -t irv
$T -f /dev/null new-session -d -x 120 -y 30 -s irv "env TERM=xterm-256color XDG_STATE_HOME=$TRI/state XDG_CONFIG_HOME=$TRI/config $BIN $TRI/r; echo IRVIEW-EXIT=\$?; sleep 60"
expect "3 releases (3 shown)"
expect "Zeta Corp."
$T send-keys -t irv / n o n - r e l i a n c e Enter; expect "3 releases (1 shown)"
expect "NON-RELIANCE"
$T send-keys -t irv Escape; sleep 0.3; expect "3 releases (3 shown)"
$T send-keys -t irv c;            expect "calls today"
expect "3 releases (1 shown)"
expect "call today 17:00"
$T send-keys -t irv Enter;        expect "Acme Robotics Schedules Conference Call"
$T send-keys -t irv 3;            expect "Dial-in"
$T send-keys -t irv y;            expect "Copied to clipboard"
$T send-keys -t irv BSpace;       expect "3 releases (1 shown)"
$T send-keys -t irv m;            expect "Marked reviewed"
$T send-keys -t irv c;            expect "3 releases (3 shown)"
expect "✓"
$T send-keys -t irv h;            expect "3 releases (2 shown)"
$T send-keys -t irv q;            expect "IRVIEW-EXIT=0"
echo "tmux test passed"
