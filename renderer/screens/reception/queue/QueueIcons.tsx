import { Icon, type IconProps } from '@chakra-ui/react';

function arrow(d: string) {
  return function ArrowIcon(props: IconProps) {
    return (
      <Icon {...props} asChild>
        <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
          <path d={d} strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </Icon>
    );
  };
}

export const ArrowUpIcon = arrow('M12 19V5M5 12l7-7 7 7');
export const ArrowDownIcon = arrow('M12 5v14M19 12l-7 7-7-7');
