// The GOV.UK success banner shown after a change has been saved; it takes focus when it appears.
import { NotificationBanner } from "@/components/notification-banner";

export function SuccessBanner({
  heading,
  children,
  id = "success-banner-title",
}: {
  heading: string;
  children?: React.ReactNode;
  id?: string;
}) {
  return (
    <NotificationBanner heading={heading} id={id} focusKey={heading}>
      {children}
    </NotificationBanner>
  );
}
