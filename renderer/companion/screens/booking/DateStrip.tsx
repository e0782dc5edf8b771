import { Button, Flex } from '@chakra-ui/react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@renderer/companion/api/clinic';

/** A row of days to pick from, scrolling sideways on a phone; the chosen one is pressed. */
export function DateStrip({
  days,
  selected,
  onSelect,
}: {
  days: readonly string[];
  selected: string | undefined;
  onSelect: (day: string) => void;
}) {
  const { t } = useTranslation('booking');
  const format = useFormat();
  return (
    <Flex
      as="ul"
      role="list"
      aria-label={t('day.strip')}
      gap="2"
      overflowX="auto"
      pb="2"
      listStyleType="none"
      m="0"
      p="0"
    >
      {days.map((day) => (
        <li key={day}>
          <Button
            variant={day === selected ? 'solid' : 'outline'}
            colorPalette="teal"
            aria-pressed={day === selected}
            minW="5.5rem"
            onClick={() => onSelect(day)}
            data-day={day}
          >
            {format.day(day)}
          </Button>
        </li>
      ))}
    </Flex>
  );
}
