import { Icon, type IconProps } from '@chakra-ui/react';

/** A few line icons (24×24, stroke), so the app needs no icon package. */
function make(paths: string[]) {
  return function LineIcon(props: IconProps) {
    return (
      <Icon {...props} asChild>
        <svg
          viewBox="0 0 24 24"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          strokeLinecap="round"
          strokeLinejoin="round"
          aria-hidden="true"
        >
          {paths.map((d) => (
            <path key={d} d={d} />
          ))}
        </svg>
      </Icon>
    );
  };
}

export const SunIcon = make([
  'M12 3v2M12 19v2M4.2 4.2l1.4 1.4M18.4 18.4l1.4 1.4M3 12h2M19 12h2M4.2 19.8l1.4-1.4M18.4 5.6l1.4-1.4',
  'M12 8a4 4 0 1 0 0 8a4 4 0 1 0 0-8z',
]);
export const MoonIcon = make(['M21 12.8A9 9 0 1 1 11.2 3a7 7 0 0 0 9.8 9.8z']);
export const HelpIcon = make([
  'M12 22a10 10 0 1 0 0-20a10 10 0 1 0 0 20z',
  'M9.1 9a3 3 0 0 1 5.8 1c0 2-3 3-3 3',
  'M12 17h.01',
]);
export const LogOutIcon = make(['M9 21H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2h4', 'M16 17l5-5-5-5', 'M21 12H9']);
export const SearchIcon = make(['M11 19a8 8 0 1 0 0-16a8 8 0 1 0 0 16z', 'M21 21l-4.3-4.3']);
export const InboxIcon = make([
  'M22 12h-6l-2 3h-4l-2-3H2',
  'M5.5 5.1L2 12v6a2 2 0 0 0 2 2h16a2 2 0 0 0 2-2v-6l-3.5-6.9A2 2 0 0 0 16.8 4H7.2a2 2 0 0 0-1.7 1.1z',
]);
export const LockIcon = make(['M5 11h14v10H5z', 'M8 11V7a4 4 0 0 1 8 0v4']);
export const PlusIcon = make(['M12 5v14M5 12h14']);
export const CrossIcon = make(['M12 3v18M3 12h18']);
export const CalendarIcon = make(['M4 6h16v14H4z', 'M4 10h16', 'M8 3v4M16 3v4']);
export const SortUpIcon = make(['M7 14l5-5 5 5']);
export const SortDownIcon = make(['M7 10l5 5 5-5']);
export const SortNoneIcon = make(['M8 9l4-4 4 4', 'M8 15l4 4 4-4']);
