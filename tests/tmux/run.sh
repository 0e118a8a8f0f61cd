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
trap '$T kill-server 2>/dev/null || true; rm -rf "$SCRATCH"' EXIT

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
$T resize-window -t irv -x 80 -y 24;  expect "1:Stat"
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
echo "tmux test passed"
