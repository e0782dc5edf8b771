import { Box, Button, HStack, Text } from '@chakra-ui/react';
import { type ReactNode, useEffect, useRef, useState } from 'react';

/**
 * The doctors' columns side by side. Five fit at 1366 px; with more (or a narrower window) the
 * board scrolls sideways, and says so above the columns with buttons, since a scrollbar at the
 * bottom of a long board is out of sight.
 */
export function BoardScroller({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [edges, setEdges] = useState({ overflows: false, atStart: true, atEnd: true });
  useEffect(() => {
    const board = ref.current;
    if (!board) return;
    const measure = () =>
      setEdges({
        overflows: board.scrollWidth > board.clientWidth + 1,
        atStart: board.scrollLeft <= 1,
        atEnd: board.scrollLeft + board.clientWidth >= board.scrollWidth - 1,
      });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(board);
    for (const child of board.children) observer.observe(child);
    board.addEventListener('scroll', measure, { passive: true });
    return () => {
      observer.disconnect();
      board.removeEventListener('scroll', measure);
    };
  }, [children]);
  const scroll = (direction: 1 | -1) =>
    ref.current?.scrollBy({ left: direction * ref.current.clientWidth * 0.8, behavior: 'smooth' });

  return (
    <Box>
      {edges.overflows && (
        <HStack justify="flex-end" gap="2" mb="2" data-testid="board-scroll-hint">
          <Text fontSize="sm" color="fg.muted">
            More doctors than fit: scroll sideways
          </Text>
          <Button size="xs" variant="outline" disabled={edges.atStart} onClick={() => scroll(-1)}>
            ← Earlier doctors
          </Button>
          <Button size="xs" variant="outline" disabled={edges.atEnd} onClick={() => scroll(1)}>
            More doctors →
          </Button>
        </HStack>
      )}
      <HStack ref={ref} align="stretch" gap="3" overflowX="auto" pb="2" data-testid="today-board">
        {children}
      </HStack>
    </Box>
  );
}
