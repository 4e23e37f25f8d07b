using CallCenter.Core.Queues;

namespace CallCenter.Core.Tests.Queues;

public sealed class QueueWaitEstimatorTests
{
    [Fact]
    public void EstimateSeconds_WithRecentWaits_AveragesTimesPosition()
    {
        var estimate = QueueWaitEstimator.EstimateSeconds(3, [TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(120)], 180, 0);

        Assert.Equal(270, estimate);
    }

    [Fact]
    public void EstimateSeconds_NoRecentWaits_UsesDefaultHandleTime()
    {
        Assert.Equal(360, QueueWaitEstimator.EstimateSeconds(2, [], 180, 0));
    }

    [Fact]
    public void EstimateSeconds_SeveralAgents_SharesTheLine()
    {
        Assert.Equal(180, QueueWaitEstimator.EstimateSeconds(2, [], 180, 2));
    }

    [Fact]
    public void EstimateSeconds_NoPosition_IsZero()
    {
        Assert.Equal(0, QueueWaitEstimator.EstimateSeconds(0, [TimeSpan.FromSeconds(60)], 180, 0));
    }

    [Fact]
    public void EstimateSeconds_AFreeAgentForTheCaller_IsZero()
    {
        Assert.Equal(0, QueueWaitEstimator.EstimateSeconds(2, [TimeSpan.FromSeconds(60)], 180, agentsStaffed: 3, agentsAvailable: 2));
    }

    [Fact]
    public void EstimateSeconds_FreeAgentsTakeThePlacesAhead_TheRestSharedOverTheStaff()
    {
        // Third in line, one agent free: two places still ahead, shared over two staffing agents.
        Assert.Equal(180, QueueWaitEstimator.EstimateSeconds(3, [], 180, agentsStaffed: 2, agentsAvailable: 1));
    }
}
