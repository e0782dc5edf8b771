import { CloseButton, Dialog, Portal } from '@chakra-ui/react';
import type { ComponentProps, ReactNode } from 'react';

/**
 * The app's dialog: title, body, optional footer and the corner close button, dismissed by
 * Escape, the backdrop or that button (`onClose`). With `form`, header, body and footer sit in one
 * form, so the footer's submit button submits it.
 */
export function DialogFrame({
  open,
  onClose,
  title,
  size = 'md',
  alert = false,
  scrollInside = false,
  testId,
  form,
  footer,
  children,
}: {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  size?: 'sm' | 'md' | 'lg' | 'xl';
  /** role="alertdialog": it asks to confirm something that matters. */
  alert?: boolean;
  /** The body scrolls inside the dialog instead of the page. */
  scrollInside?: boolean;
  testId?: string;
  form?: ComponentProps<'form'>;
  footer?: ReactNode;
  children: ReactNode;
}) {
  const sections = (
    <>
      <Dialog.Header>
        <Dialog.Title>{title}</Dialog.Title>
      </Dialog.Header>
      <Dialog.Body>{children}</Dialog.Body>
      {footer && <Dialog.Footer>{footer}</Dialog.Footer>}
    </>
  );
  return (
    <Dialog.Root
      open={open}
      onOpenChange={(e) => !e.open && onClose()}
      size={size}
      {...(alert ? { role: 'alertdialog' as const } : {})}
      {...(scrollInside ? { scrollBehavior: 'inside' as const } : {})}
    >
      <Portal>
        <Dialog.Backdrop />
        <Dialog.Positioner>
          <Dialog.Content data-testid={testId}>
            {form ? <form {...form}>{sections}</form> : sections}
            <Dialog.CloseTrigger asChild>
              <CloseButton size="sm" aria-label="Close" />
            </Dialog.CloseTrigger>
          </Dialog.Content>
        </Dialog.Positioner>
      </Portal>
    </Dialog.Root>
  );
}
