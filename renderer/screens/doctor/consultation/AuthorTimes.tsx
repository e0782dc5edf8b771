import { Text } from '@chakra-ui/react';
import type { AuthorClock } from '@shared/domain/consultation.schema';
import type { ClinicFormat } from '@renderer/app/clinic-format';

/**
 * When a signature or an addendum was made, by its author's clock, and when the clinic's hub
 * received it (medico-legal, docs/product.md §8: a record signed offline reaches the hub later). A time
 * whose computer clock could not be trusted says so.
 */
export function AuthorTimes(props: {
  label: string;
  at: string;
  receivedAt: string | null;
  clock: AuthorClock | null;
  format: ClinicFormat;
  fontSize?: 'xs' | 'sm';
}) {
  const { label, at, receivedAt, clock, format, fontSize = 'sm' } = props;
  const received = receivedAt
    ? ` · received by the clinic hub ${format.dateTime(receivedAt)}`
    : clock
      ? ' · not yet received by the clinic hub'
      : '';
  return (
    <>
      <Text color="fg.muted" fontSize={fontSize} data-testid="author-times">
        {label} {format.dateTime(at)}
        {received}
      </Text>
      {clock === 'flagged' && (
        <Text color="fg.warning" fontSize={fontSize}>
          The computer’s clock could not be trusted when this was written: the time shown is kept within what
          the clinic hub knows, and may be off.
        </Text>
      )}
    </>
  );
}
