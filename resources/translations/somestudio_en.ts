<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AccountsPage</name>
    <message numerus="yes">
        <source>%n scheduled posts still go to “%1”. Unschedule them or move them to another account first, then remove it.</source>
        <translation>
            <numerusform>%n scheduled post still goes to “%1”. Unschedule it or move it to another account first, then remove it.</numerusform>
            <numerusform>%n scheduled posts still go to “%1”. Unschedule them or move them to another account first, then remove it.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ApprovalNote</name>
    <message numerus="yes">
        <source>Approved and scheduled on %n accounts</source>
        <translation>
            <numerusform>Approved and scheduled on %n account</numerusform>
            <numerusform>Approved and scheduled on %n accounts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AttentionDialog</name>
    <message numerus="yes">
        <source>%n posts wait to be published by hand: View → Publish by hand…</source>
        <translation>
            <numerusform>%n post waits to be published by hand: View → Publish by hand…</numerusform>
            <numerusform>%n posts wait to be published by hand: View → Publish by hand…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Skip all %n…</source>
        <translation>
            <numerusform>Skip %n…</numerusform>
            <numerusform>Skip all %n…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Skipping %n posts…</source>
        <translation>
            <numerusform>Skipping %n post…</numerusform>
            <numerusform>Skipping %n posts…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Skip %n posts?</source>
        <translation>
            <numerusform>Skip %n post?</numerusform>
            <numerusform>Skip %n posts?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Skipped %n posts: each stays as a draft at its planned time.</source>
        <translation>
            <numerusform>Skipped %n post: it stays as a draft at its planned time.</numerusform>
            <numerusform>Skipped %n posts: each stays as a draft at its planned time.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CalendarActions</name>
    <message numerus="yes">
        <source>Unschedule &amp;all %n accounts</source>
        <translation>
            <numerusform>Unschedule &amp;the %n account</numerusform>
            <numerusform>Unschedule &amp;all %n accounts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Scheduled again on %n account(s); these stay drafts:</source>
        <translation>
            <numerusform>Scheduled again on %n account; these stay drafts:</numerusform>
            <numerusform>Scheduled again on %n accounts; these stay drafts:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Unscheduled on %n accounts: drafts at their times. Undo (Ctrl+Z) schedules them again.</source>
        <translation>
            <numerusform>Unscheduled on %n account: a draft at its time. Undo (Ctrl+Z) schedules it again.</numerusform>
            <numerusform>Unscheduled on %n accounts: drafts at their times. Undo (Ctrl+Z) schedules them again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChannelPanel</name>
    <message numerus="yes">
        <source>%n posts</source>
        <translation>
            <numerusform>%n post</numerusform>
            <numerusform>%n posts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n too long</source>
        <translation>
            <numerusform>%n too long</numerusform>
            <numerusform>%n too long</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This server allows %Ln characters.</source>
        <translation>
            <numerusform>This server allows %Ln character.</numerusform>
            <numerusform>This server allows %Ln characters.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChipDelegate</name>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>+%n more</numerusform>
            <numerusform>+%n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChipWords</name>
    <message numerus="yes">
        <source>%1 of %n published</source>
        <translation>
            <numerusform>%1 of %n published</numerusform>
            <numerusform>%1 of %n published</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n scheduled</source>
        <translation>
            <numerusform>%1 of %n scheduled</numerusform>
            <numerusform>%1 of %n scheduled</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CounterStrip</name>
    <message numerus="yes">
        <source>%n posts</source>
        <translation>
            <numerusform>%n post</numerusform>
            <numerusform>%n posts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DraftActions</name>
    <message numerus="yes">
        <source>Scheduled for %1 on %n accounts.</source>
        <translation>
            <numerusform>Scheduled for %1 on %n account.</numerusform>
            <numerusform>Scheduled for %1 on %n accounts.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DraftsModel</name>
    <message numerus="yes">
        <source>⚠ %n errors: %1</source>
        <translation>
            <numerusform>⚠ %n error: %1</numerusform>
            <numerusform>⚠ %n errors: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warnings</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message numerus="yes">
        <source>%n of the times need a decision:</source>
        <translation>
            <numerusform>%n of the times needs a decision:</numerusform>
            <numerusform>%n of the times need a decision:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FailureText</name>
    <message numerus="yes">
        <source>(%n earlier attempts not shown)</source>
        <translation>
            <numerusform>(%n earlier attempt not shown)</numerusform>
            <numerusform>(%n earlier attempts not shown)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GoalWords</name>
    <message numerus="yes">
        <source>%n more to go,</source>
        <translation>
            <numerusform>%n more to go,</numerusform>
            <numerusform>%n more to go,</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) left.</source>
        <translation>
            <numerusform>%n day left.</numerusform>
            <numerusform>%n days left.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Kept in %1 of the last %n week(s).</source>
        <translation>
            <numerusform>Kept in %1 of the last %n week.</numerusform>
            <numerusform>Kept in %1 of the last %n weeks.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Kept in %1 of the last %n month(s).</source>
        <translation>
            <numerusform>Kept in %1 of the last %n month.</numerusform>
            <numerusform>Kept in %1 of the last %n months.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>from %n count(s)</source>
        <translation>
            <numerusform>from %n count</numerusform>
            <numerusform>from %n counts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>over %n day(s)</source>
        <translation>
            <numerusform>over %n day</numerusform>
            <numerusform>over %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <comment>window before and after an action</comment>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>None of the %n post(s) published since %1 has numbers for this goal yet (not fetched, or the network does not report them): only posts published from the goal&apos;s start count.</source>
        <translation>
            <numerusform>The %n post published since %1 has no numbers for this goal yet (not fetched, or the network does not report them): only posts published from the goal&apos;s start count.</numerusform>
            <numerusform>None of the %n posts published since %1 has numbers for this goal yet (not fetched, or the network does not report them): only posts published from the goal&apos;s start count.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not counted: %n post(s) published since the start without numbers for this goal.</source>
        <translation>
            <numerusform>Not counted: %n post published since the start without numbers for this goal.</numerusform>
            <numerusform>Not counted: %n posts published since the start without numbers for this goal.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <source>%n problems: fix them in the file, then choose it again. Nothing is imported until every row is right.</source>
        <translation>
            <numerusform>%n problem: fix it in the file, then choose it again. Nothing is imported until every row is right.</numerusform>
            <numerusform>%n problems: fix them in the file, then choose it again. Nothing is imported until every row is right.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n posts are ready to import.</source>
        <translation>
            <numerusform>%n post is ready to import.</numerusform>
            <numerusform>%n posts are ready to import.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InboxNotifications</name>
    <message numerus="yes">
        <source>%1 charges your own app for every post it reads, mentions too, so Some Studio reads them only when you turn this on: at most %n request(s) of up to %2 posts every %3 minutes, counted together for the window and the command line.</source>
        <translation>
            <numerusform>%1 charges your own app for every post it reads, mentions too, so Some Studio reads them only when you turn this on: at most %n request of up to %2 posts every %3 minutes, counted together for the window and the command line.</numerusform>
            <numerusform>%1 charges your own app for every post it reads, mentions too, so Some Studio reads them only when you turn this on: at most %n requests of up to %2 posts every %3 minutes, counted together for the window and the command line.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n new replies or mentions</source>
        <translation>
            <numerusform>%n new reply or mention</numerusform>
            <numerusform>%n new replies or mentions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n unread</numerusform>
            <numerusform>%n unread</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Publishing now on %n accounts</source>
        <translation>
            <numerusform>Publishing now on %n account</numerusform>
            <numerusform>Publishing now on %n accounts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n posts need attention</source>
        <translation>
            <numerusform>%n post needs attention</numerusform>
            <numerusform>%n posts need attention</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reminders</source>
        <translation>
            <numerusform>%n reminder</numerusform>
            <numerusform>%n reminders</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MetricsPage</name>
    <message numerus="yes">
        <source>%n post(s) published in this period; latest numbers per post.</source>
        <translation>
            <numerusform>%n post published in this period; latest numbers per post.</numerusform>
            <numerusform>%n posts published in this period; latest numbers per post.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Still unknown — comparisons without enough posts: %1. Each needs at least %2 posts on both sides; about %n more post(s) would settle the nearest.</source>
        <translation>
            <numerusform>Still unknown — comparisons without enough posts: %1. Each needs at least %2 posts on both sides; about %n more post would settle the nearest.</numerusform>
            <numerusform>Still unknown — comparisons without enough posts: %1. Each needs at least %2 posts on both sides; about %n more posts would settle the nearest.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n post(s) updated.</source>
        <translation>
            <numerusform>%n post updated.</numerusform>
            <numerusform>%n posts updated.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MonthModel</name>
    <message numerus="yes">
        <source>%1 — %n posts</source>
        <translation>
            <numerusform>%1 — %n post</numerusform>
            <numerusform>%1 — %n posts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MonthPlanModel</name>
    <message numerus="yes">
        <source>%n posts</source>
        <translation>
            <numerusform>%n post</numerusform>
            <numerusform>%n posts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not scheduled</source>
        <translation>
            <numerusform>%n not scheduled</numerusform>
            <numerusform>%n not scheduled</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MonthPlanView</name>
    <message numerus="yes">
        <source>%n gaps: a week with no post for an account.</source>
        <translation>
            <numerusform>%n gap: a week with no post for an account.</numerusform>
            <numerusform>%n gaps: weeks with no post for an account.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message numerus="yes">
        <source>%n posts to publish by hand</source>
        <translation>
            <numerusform>%n post to publish by hand</numerusform>
            <numerusform>%n posts to publish by hand</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlanningMenu</name>
    <message numerus="yes">
        <source>%n posts imported.</source>
        <translation>
            <numerusform>%n post imported.</numerusform>
            <numerusform>%n posts imported.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rows written to %1.</source>
        <translation>
            <numerusform>%n row written to %1.</numerusform>
            <numerusform>%n rows written to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n events written to %1.</source>
        <translation>
            <numerusform>%n event written to %1.</numerusform>
            <numerusform>%n events written to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Publishers</name>
    <message numerus="yes">
        <source>seen %n min ago</source>
        <translation>
            <numerusform>seen %n min ago</numerusform>
            <numerusform>seen %n min ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>seen %n h ago</source>
        <translation>
            <numerusform>seen %n h ago</numerusform>
            <numerusform>seen %n h ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>seen %n days ago</source>
        <translation>
            <numerusform>seen %n day ago</numerusform>
            <numerusform>seen %n days ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QuitQuestion</name>
    <message numerus="yes">
        <source>%n posts are due in the next hour. Nothing will publish them while Some Studio is closed.</source>
        <translation>
            <numerusform>%n post is due in the next hour. Nothing will publish it while Some Studio is closed.</numerusform>
            <numerusform>%n posts are due in the next hour. Nothing will publish them while Some Studio is closed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RemindersDialog</name>
    <message numerus="yes">
        <source>Coming up in the next %n days</source>
        <translation>
            <numerusform>Coming up in the next %n day</numerusform>
            <numerusform>Coming up in the next %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n images or videos to add</source>
        <translation>
            <numerusform>%n image or video to add</numerusform>
            <numerusform>%n images or videos to add</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScheduleDialog</name>
    <message numerus="yes">
        <source> times</source>
        <translation>
            <numerusform> time</numerusform>
            <numerusform> times</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n posts, from %1 to %2.</source>
        <translation>
            <numerusform>%n post, on %1.</numerusform>
            <numerusform>%n posts, from %1 to %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Queued for %1 on %n accounts</source>
        <translation>
            <numerusform>Queued for %1 on %n account</numerusform>
            <numerusform>Queued for %1 on %n accounts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Queued on %n accounts, the first %1</source>
        <translation>
            <numerusform>Queued on %n account, the first %1</numerusform>
            <numerusform>Queued on %n accounts, the first %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Scheduled %n posts, the first %1</source>
        <translation>
            <numerusform>Scheduled %n post, %1</numerusform>
            <numerusform>Scheduled %n posts, the first %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Asked for approval: %1 on %n accounts</source>
        <translation>
            <numerusform>Asked for approval: %1 on %n account</numerusform>
            <numerusform>Asked for approval: %1 on %n accounts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Scheduled %1 on %n accounts</source>
        <translation>
            <numerusform>Scheduled %1 on %n account</numerusform>
            <numerusform>Scheduled %1 on %n accounts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SeriesNote</name>
    <message numerus="yes">
        <source>every %n weeks on %1 at %2</source>
        <translation>
            <numerusform>every week on %1 at %2</numerusform>
            <numerusform>every %n weeks on %1 at %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>on the last day of every %n months at %1</source>
        <translation>
            <numerusform>on the last day of every month at %1</numerusform>
            <numerusform>on the last day of every %n months at %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>every %n months on day %1 at %2</source>
        <translation>
            <numerusform>every month on day %1 at %2</numerusform>
            <numerusform>every %n months on day %1 at %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This and the later posts (%n)</source>
        <translation>
            <numerusform>This and the later post (%n)</numerusform>
            <numerusform>This and the later posts (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Changes saved to this post and %n later posts of its series.</source>
        <translation>
            <numerusform>Changes saved to this post and %n later post of its series.</numerusform>
            <numerusform>Changes saved to this post and %n later posts of its series.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message numerus="yes">
        <source>🔑 Will not go out: %n posts</source>
        <translation>
            <numerusform>🔑 Will not go out: %n post</numerusform>
            <numerusform>🔑 Will not go out: %n posts</numerusform>
        </translation>
    </message>
</context>
</TS>
