import { trusted } from '../lib/trusted';

/** The small × that closes a card; its label says what it closes. */
export function CloseButton({ label, onClick }: { label: string; onClick(): void }) {
  return (
    <button type="button" class="icon-button" aria-label={label} onClick={trusted(onClick)}>
      <svg aria-hidden="true" viewBox="0 0 16 16" width="16" height="16">
        <path d="M3 3l10 10M13 3L3 13" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
      </svg>
    </button>
  );
}
