import { Component, type ComponentChildren } from 'preact';
import { t } from '@/lib/i18n';

interface Props {
  /** What the section shows, for the message when it cannot: "today's entries". */
  name: string;
  children: ComponentChildren;
}

/**
 * Keeps a failure in one part of the popup to that part: the rest still
 * works, and the user reads a plain sentence instead of a blank area or a
 * stack trace.
 */
export class SectionBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static override getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidCatch(error: unknown) {
    // For whoever opens the popup's console; the user sees the sentence below.
    console.error(`Popup section "${this.props.name}" failed`, error);
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <p class="section-error" role="alert">
        {t('popup_sectionFailed', this.props.name)}{' '}
        <button type="button" class="link-button" onClick={() => this.setState({ failed: false })}>
          {t('popup_retry')}
        </button>
      </p>
    );
  }
}
