import { useEffect, useMemo, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { whenIdle } from '@/components/when-idle';
import { Banners } from './Banners';
import { preloadEditors } from './editors';
import { Header } from './Header';
import { accountQueue } from './held-actions';
import { NeedsAttention } from './NeedsAttention';
import { displayPrefs, PrefsContext } from './prefs';
import { RunningTimerCard } from './RunningTimerCard';
import { SectionBoundary } from './SectionBoundary';
import { ACCIDENTAL_SECONDS, ShortStopNotice, type ShortStop } from './ShortStopNotice';
import { SignIn } from './SignIn';
import { StartForm } from './StartForm';
import { Today } from './Today';
import { accountKeyOf } from '@/lib/storage/account';
import { recentNotesOf } from '@/lib/entries/recent-notes';
import { type PopupSnapshot, usePopupState, useStartedElsewhere, useTaskSource } from './use-popup-state';
import { useTimeCampSync } from './use-timecamp-sync';
import './popup.css';

/**
 * The toolbar popup: signed out, the sign-in; signed in, the changes that
 * need the user's attention, the running timer (or the form that starts
 * one), then today's entries. Everything renders from the background's
 * storage and follows its changes; the task tree arrives after the first
 * paint. Each section fails on its own. `first`: the storage read before
 * rendering (see main.tsx).
 */
export function PopupApp({ first }: { first?: PopupSnapshot }) {
  const state = usePopupState(first);
  const tasks = useTaskSource(state.account);
  const startedElsewhere = useStartedElsewhere(state.timer);
  const [fixingToken, setFixingToken] = useState(false);
  // A timer just stopped after a few seconds: offered for discarding until the user answers or starts another.
  const [shortStop, setShortStop] = useState<ShortStop | null>(null);
  const prefs = useMemo(() => displayPrefs(state.settings, state.sync?.accountOffsetMinutes ?? null), [state.settings, state.sync?.accountOffsetMinutes]);

  const signedInAs = state.account ? accountKeyOf(state.account) : null;
  useTimeCampSync(signedInAs);
  const { held, waiting } = useMemo(() => accountQueue(state.queue, signedInAs), [state.queue, signedInAs]);
  const notes = useMemo(() => recentNotesOf(state.today, signedInAs ?? ''), [state.today, signedInAs]);

  useEffect(() => whenIdle(preloadEditors), []);
  useEffect(() => {
    if (!state.sync?.authProblem) setFixingToken(false);
  }, [state.sync?.authProblem]);

  const signedIn = state.account;
  let body;
  if (signedIn === undefined) {
    body = (
      <p class="muted" role="status">
        {t('popup_loading')}
      </p>
    );
  } else if (signedIn === null) {
    body = (
      <SectionBoundary name={t('popup_sectionSignIn')}>
        <SignIn reason="signed-out" />
      </SectionBoundary>
    );
  } else {
    body = (
      <>
        <SectionBoundary name={t('popup_sectionStatus')}>
          <Banners sync={state.sync} waiting={waiting} held={held} idle={state.idle} storageFull={state.storageFull} onFixToken={() => setFixingToken(true)} />
        </SectionBoundary>
        <SectionBoundary name={t('popup_sectionAttention')}>
          <NeedsAttention held={held} tasks={tasks} />
        </SectionBoundary>
        {fixingToken && (
          <SectionBoundary name={t('popup_sectionSignIn')}>
            <SignIn reason="token-refused" />
          </SectionBoundary>
        )}
        <SectionBoundary name={t('popup_sectionTimer')}>
          {state.timer ? (
            <RunningTimerCard
              timer={state.timer}
              tasks={tasks}
              recentIds={state.recentIds}
              startedElsewhere={startedElsewhere}
              dayEntries={state.today?.accountKey === signedInAs ? state.today.entries : []}
              onStopped={(stopped) => setShortStop(stopped.seconds < ACCIDENTAL_SECONDS ? stopped : null)}
            />
          ) : state.timer === null ? (
            <StartForm tasks={tasks} recentIds={state.recentIds} notes={notes} noteTemplate={state.settings?.noteTemplate} />
          ) : null}
          {shortStop && !state.timer && <ShortStopNotice stop={shortStop} onClose={() => setShortStop(null)} />}
        </SectionBoundary>
        <SectionBoundary name={t('popup_sectionToday')}>
          <Today day={state.today} accountKey={signedInAs ?? ''} timer={state.timer} sync={state.sync} tasks={tasks} recentIds={state.recentIds} queue={state.queue} />
        </SectionBoundary>
      </>
    );
  }

  return (
    <PrefsContext.Provider value={prefs}>
      <main class="popup">
        <Header account={signedIn} />
        {body}
      </main>
    </PrefsContext.Provider>
  );
}
